namespace K8sBot.Discord.Timing;

internal sealed record PacerWait(TimeSpan Delay, string Reason);
