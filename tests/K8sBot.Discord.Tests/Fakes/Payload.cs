using System.Text.Json.Nodes;

namespace K8sBot.Discord.Tests.Fakes;

internal static class Payload
{
    public static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", name)))!.AsObject();
}
