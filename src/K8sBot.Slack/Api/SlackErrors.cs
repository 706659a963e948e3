using K8sBot.Core.Messaging;

namespace K8sBot.Slack.Api;

/// <summary>How Slack's <c>ok:false</c> error codes map to what the bot does about them.</summary>
internal static class SlackErrors
{
    public static bool IsFatalAuth(string error) =>
        error is "invalid_auth" or "account_inactive" or "token_revoked" or "token_expired" or "not_authed" or "not_allowed_token_type";

    public static PublishFailure ToFailure(string error) => error switch
    {
        "channel_not_found" or "not_in_channel" or "is_archived" or "message_not_found" => PublishFailure.ChannelGone,
        "missing_scope" or "restricted_action" or "restricted_action_read_only_channel" or "restricted_action_thread_only_channel"
            or "restricted_action_non_threadable_channel" or "cant_update_message" or "edit_window_closed" or "ekm_access_denied" => PublishFailure.Forbidden,
        _ when IsFatalAuth(error) => PublishFailure.Forbidden,
        "invalid_blocks" or "invalid_blocks_format" or "msg_too_long" or "msg_blocks_too_long" or "no_text" or "too_many_attachments"
            or "invalid_arguments" or "time_in_past" or "time_too_far" => PublishFailure.Rejected,
        _ => PublishFailure.Transient,
    };

    /// <summary>A hint for the log line, so an operator knows what to fix without reading Slack's docs.</summary>
    public static string Hint(string error) => error switch
    {
        "not_in_channel" => "invite the bot to the channel (/invite @K8sBot) or add the chat:write.public scope",
        "channel_not_found" => "the channel does not exist or the bot cannot see it",
        "is_archived" => "the channel is archived",
        "missing_scope" => "reinstall the app with the scopes in deploy/slack-app-manifest.yaml",
        "invalid_auth" or "not_authed" => "the token is wrong; check Slack:BotToken / Slack:AppToken",
        "account_inactive" or "token_revoked" or "token_expired" => "the token was revoked or the app uninstalled; reinstall and update the token",
        "invalid_blocks" or "msg_blocks_too_long" => "Slack refused the Block Kit payload",
        "ratelimited" => "rate limited after retries",
        _ => "see https://api.slack.com/methods for the error code",
    };
}
