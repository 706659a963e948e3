using System.Text.Json;
using K8sBot.Slack.Inbound;

namespace K8sBot.Slack.SocketMode;

/// <summary>Routes an acknowledged Socket Mode envelope by type; a redelivered envelope id is dropped.</summary>
internal sealed class SocketModeEnvelopes(SlackInbound inbound, DeliveryDeduper deduper)
{
    public void Handle(JsonElement envelope)
    {
        var id = envelope.GetProperty("envelope_id").GetString();
        if (id is null || !deduper.FirstTime("envelope:" + id) || !envelope.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var type = envelope.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (type)
        {
            case "events_api":
                inbound.AcceptEventCallback(payload.Clone());
                break;
            case "slash_commands":
                inbound.AcceptSlashCommand(Fields(payload));
                break;
            case "interactive":
                inbound.AcceptInteractive(payload.Clone());
                break;
            default:
                // Unknown envelope types are acked and ignored, as the SDKs do.
                break;
        }
    }

    private static Dictionary<string, string> Fields(JsonElement payload)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in payload.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String)
            {
                fields[property.Name] = property.Value.GetString()!;
            }
        }

        return fields;
    }
}
