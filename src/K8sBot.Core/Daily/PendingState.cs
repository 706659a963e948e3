namespace K8sBot.Core.Daily;

internal enum PendingState
{
    Pending,
    Posted,
}
