using System.Text.Json.Nodes;

namespace K8sBot.Slack.Tests.Fake;

/// <summary>Socket Mode frames built from the shared fixtures, with the fields a test cares about replaced.</summary>
internal static class Envelopes
{
    public static string SlashCommand(string envelopeId, string text, Uri responseUrl, string channel = "C123ABC456")
    {
        var envelope = Fixture.Json("envelope-slash-command.json");
        envelope["envelope_id"] = envelopeId;
        var payload = envelope["payload"]!.AsObject();
        payload["command"] = "/k8s";
        payload["text"] = text;
        payload["channel_id"] = channel;
        payload["response_url"] = responseUrl.ToString();
        return envelope.ToJsonString();
    }

    public static string Mention(string envelopeId, string eventId, string text = "<@U222> hey", string? threadTs = null, int retry = 0)
    {
        var envelope = Fixture.Json("envelope-events-api-app-mention.json");
        envelope["envelope_id"] = envelopeId;
        envelope["retry_attempt"] = retry;
        envelope["retry_reason"] = retry > 0 ? "timeout" : string.Empty;
        var payload = envelope["payload"]!.AsObject();
        payload["event_id"] = eventId;
        var ev = payload["event"]!.AsObject();
        ev["text"] = text;
        if (threadTs is not null)
        {
            ev["thread_ts"] = threadTs;
        }

        return envelope.ToJsonString();
    }

    /// <summary>An events_api envelope around any HTTP Events API body fixture (event-message*.json).</summary>
    public static string Event(string envelopeId, JsonObject body) => new JsonObject
    {
        ["envelope_id"] = envelopeId,
        ["payload"] = body,
        ["type"] = "events_api",
        ["accepts_response_payload"] = false,
        ["retry_attempt"] = 0,
        ["retry_reason"] = string.Empty,
    }.ToJsonString();

    public static JsonObject DirectMessage(string eventId, string text, string user = "U333")
    {
        var body = Fixture.Json("event-message.json");
        body["event_id"] = eventId;
        body["team_id"] = FakeSlack.TeamId;
        var ev = body["event"]!.AsObject();
        ev["channel_type"] = "im";
        ev["channel"] = "D0PNCRP9N";
        ev["user"] = user;
        ev["text"] = text;
        return body;
    }

    public static string ButtonPress(string envelopeId, Uri responseUrl, string actionId = "a", string value = "underlying", string actionTs = "1605853645.582706")
    {
        var envelope = Fixture.Json("envelope-interactive-block-actions.json");
        envelope["envelope_id"] = envelopeId;
        var payload = envelope["payload"]!.AsObject();
        payload["response_url"] = responseUrl.ToString();
        var action = payload["actions"]![0]!.AsObject();
        action["action_id"] = actionId;
        action["value"] = value;
        action["action_ts"] = actionTs;
        return envelope.ToJsonString();
    }
}
