using System.Text.Json.Nodes;

namespace K8sBot.Slack.Tests.Fake;

/// <summary>The shared Slack payloads copied into Fixtures/ (see the README there).</summary>
internal static class Fixture
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static JsonObject Json(string name) => (JsonObject)JsonNode.Parse(Text(name))!;
}
