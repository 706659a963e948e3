namespace K8sBot.Core.Messaging;

/// <summary>A message the bot posted proactively, so it can be edited later (countdowns, closing a question).</summary>
public sealed record PostedMessage(ConversationAddress Where, string MessageId);
