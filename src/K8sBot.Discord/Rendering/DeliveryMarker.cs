using System.Text.Json.Nodes;

namespace K8sBot.Discord.Rendering;

/// <summary>
/// Makes a tracked post recognisable later. Discord does not return a message's nonce when the
/// message is fetched, but it does return its components, so the idempotency key is put in front of
/// the first button's custom_id (<c>~key~action|value</c>, within the 100-character limit).
/// <see cref="DiscordRenderer.ParseCustomId"/> strips it again before a press is routed.
/// </summary>
internal static class DeliveryMarker
{
    public const char Fence = '~';

    /// <summary>Marks the first button with room for the key; false when the message has none (it cannot be recognised later).</summary>
    public static bool TryMark(JsonObject body, string key)
    {
        ArgumentNullException.ThrowIfNull(body);
        var prefix = Prefix(key);
        foreach (var button in Buttons(body))
        {
            if (button["custom_id"]?.GetValue<string>() is { } id && id.Length + prefix.Length <= DiscordLimits.CustomId)
            {
                button["custom_id"] = prefix + id;
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a message (as GET returns it) carries the key.</summary>
    public static bool Carries(JsonNode? message, string key)
    {
        var prefix = Prefix(key);
        return message is JsonObject body && Buttons(body).Any(b => b["custom_id"]?.GetValue<string>() is { } id && id.StartsWith(prefix, StringComparison.Ordinal));
    }

    public static string Strip(string customId)
    {
        ArgumentNullException.ThrowIfNull(customId);
        if (customId.Length > 2 && customId[0] == Fence)
        {
            var end = customId.IndexOf(Fence, 1);
            if (end > 0)
            {
                return customId[(end + 1)..];
            }
        }

        return customId;
    }

    private static string Prefix(string key) => $"{Fence}{key}{Fence}";

    private static IEnumerable<JsonObject> Buttons(JsonObject body) =>
        (body["components"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .SelectMany(row => row["components"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(c => c["type"]?.GetValue<int>() == 2);
}
