namespace K8sBot.Slack.Http;

internal enum SignatureCheck
{
    Valid,
    Missing,
    Stale,
    Mismatch,
}
