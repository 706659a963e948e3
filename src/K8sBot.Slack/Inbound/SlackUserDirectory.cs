using System.Collections.Concurrent;
using System.Text.Json;
using K8sBot.Core.Messaging;
using K8sBot.Slack.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace K8sBot.Slack.Inbound;

/// <summary>
/// users.info, cached: display name, locale and whether the person is a workspace admin/owner
/// (or listed in <c>Slack:Admins</c>). A failed lookup is cached briefly so a missing scope does
/// not turn every message into an extra failing call.
/// </summary>
internal sealed partial class SlackUserDirectory(SlackApiClient api, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackUserDirectory> logger)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan FailedFresh = TimeSpan.FromMinutes(1);
    private const int MaxEntries = 5_000;

    private readonly ConcurrentDictionary<string, (SlackUser User, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);
    private readonly HashSet<string> _admins = new(options.Value.Admins, StringComparer.Ordinal);

    public async Task<ChatUser> GetAsync(string userId, string fallbackName, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!_cache.TryGetValue(userId, out var entry) || entry.Expires <= now)
        {
            var user = await LookupAsync(userId, fallbackName, cancellationToken);
            if (_cache.Count >= MaxEntries)
            {
                _cache.Clear();
            }

            entry = (user.User, now + (user.Ok ? Fresh : FailedFresh));
            _cache[userId] = entry;
        }

        var found = entry.User;
        return new ChatUser(userId, found.DisplayName, found.Locale, found.IsWorkspaceAdmin || _admins.Contains(userId));
    }

    private async Task<(SlackUser User, bool Ok)> LookupAsync(string userId, string fallbackName, CancellationToken cancellationToken)
    {
        try
        {
            var root = await api.UsersInfoAsync(userId, cancellationToken);
            var user = root.GetProperty("user");
            var profile = user.TryGetProperty("profile", out var p) ? p : default;
            var name = FirstNonEmpty(
                Text(profile, "display_name"),
                Text(profile, "real_name"),
                Text(user, "real_name"),
                Text(user, "name"),
                fallbackName,
                userId);
            var admin = Flag(user, "is_admin") || Flag(user, "is_owner") || Flag(user, "is_primary_owner");
            return (new SlackUser(userId, name, Text(user, "locale"), admin), true);
        }
        catch (SlackApiException ex)
        {
            LogLookupFailed(logger, ex.Error);
            return (new SlackUser(userId, FirstNonEmpty(fallbackName, userId), null, false), false);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? string.Empty;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack users.info failed ({Error}); treating the user as a non-admin with no locale")]
    private static partial void LogLookupFailed(ILogger logger, string error);
}
