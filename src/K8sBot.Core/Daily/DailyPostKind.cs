namespace K8sBot.Core.Daily;

internal enum DailyPostKind
{
    Card,
    Digest,
}
