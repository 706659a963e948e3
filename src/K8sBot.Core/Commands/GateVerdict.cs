using K8sBot.Core.Messaging;

namespace K8sBot.Core.Commands;

public sealed record GateVerdict(bool Allowed, Reply? Reply = null)
{
    public static GateVerdict Pass { get; } = new(true);

    public static GateVerdict Silent { get; } = new(false);
}
