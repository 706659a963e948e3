using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Commands;

/// <summary>
/// A check every incoming message passes before routing (rate limits, abuse rules). A gate that
/// refuses may answer once (e.g. a private "slow down") or stay silent.
/// </summary>
public interface IMessageGate
{
    GateVerdict Check(IncomingMessage message, Lang lang);
}
