using Microsoft.Extensions.Options;

namespace K8sBot.Slack;

/// <summary>Catches the common token mix-ups at start instead of at the first failing call.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        var hasBot = !string.IsNullOrWhiteSpace(options.BotToken);
        if (hasBot && !options.BotToken!.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            failures.Add("Slack:BotToken must be a bot token starting with 'xoxb-'.");
        }

        if (!string.IsNullOrWhiteSpace(options.AppToken) && !options.AppToken.StartsWith("xapp-", StringComparison.Ordinal))
        {
            failures.Add("Slack:AppToken must be an app-level token starting with 'xapp-' (scope connections:write).");
        }

        if (!hasBot && (!string.IsNullOrWhiteSpace(options.AppToken) || !string.IsNullOrWhiteSpace(options.SigningSecret)))
        {
            failures.Add("Slack:BotToken is required when Slack:AppToken or Slack:SigningSecret is set.");
        }

        if (options.ApiBaseUrl is not { IsAbsoluteUri: true } uri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Slack:ApiBaseUrl must be an absolute http(s) URL such as https://slack.com/api.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
