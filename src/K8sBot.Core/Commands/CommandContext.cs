using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Commands;

public sealed record CommandContext(IncomingMessage Message, CommandSpec Spec, CommandArgs Args, Lang Lang)
{
    public ChatUser User => Message.User;

    public ConversationAddress Where => Message.Where;
}
