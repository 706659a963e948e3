using System.Text.Json.Nodes;

namespace K8sBot.Discord.Tests.Fakes;

internal sealed record RecordedRequest(string Method, string Path, JsonNode? Body, string? Authorization, DateTimeOffset At, string Query = "")
{
    public JsonObject Json => Body!.AsObject();
}
