using System.ComponentModel.DataAnnotations;

namespace K8sBot.Slack;

/// <summary>
/// The <c>Slack</c> configuration section. Socket Mode runs when <see cref="AppToken"/> is set, the
/// HTTP endpoints are served when <see cref="SigningSecret"/> is set; both need <see cref="BotToken"/>.
/// </summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>Bot token (<c>xoxb-</c>) for every Web API call.</summary>
    public string? BotToken { get; set; }

    /// <summary>App-level token (<c>xapp-</c>, scope connections:write), used only for apps.connections.open.</summary>
    public string? AppToken { get; set; }

    /// <summary>Signing secret for verifying HTTP requests from Slack.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>User ids treated as admins in addition to workspace admins and owners.</summary>
    public IReadOnlyList<string> Admins { get; set; } = [];

    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api");

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BotToken);

    public bool UsesSocketMode => IsConfigured && !string.IsNullOrWhiteSpace(AppToken);

    public bool UsesHttp => IsConfigured && !string.IsNullOrWhiteSpace(SigningSecret);
}
