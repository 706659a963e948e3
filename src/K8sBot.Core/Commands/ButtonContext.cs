using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Commands;

public sealed record ButtonContext(IncomingMessage Message, ButtonPress Press, Lang Lang)
{
    public ChatUser User => Message.User;

    public ConversationAddress Where => Message.Where;

    /// <summary>The part of the action id after the prefix and dot (<c>answer</c> of <c>quiz.answer</c>).</summary>
    public string Action => Press.ActionId.Contains('.', StringComparison.Ordinal) ? Press.ActionId[(Press.ActionId.IndexOf('.', StringComparison.Ordinal) + 1)..] : string.Empty;
}
