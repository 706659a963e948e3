namespace K8sBot.Slack.Inbound;

/// <summary>How a message reached the bot; decides where its replies go.</summary>
internal enum SlackSource
{
    SlashCommand,
    Mention,
    DirectMessage,
    Button,
}
