using System.Text.Json.Nodes;

namespace K8sBot.Slack.Rendering;

/// <summary>
/// A rendered reply: notification text plus Block Kit blocks, and what the renderer had to cut or
/// drop to stay within Slack's limits (<see cref="Problems"/>, empty when nothing was lost).
/// </summary>
internal sealed record SlackMessage(string Text, JsonArray Blocks, IReadOnlyList<string> Problems)
{
    /// <summary>A fresh body (nodes can have only one parent, so every call clones).</summary>
    public JsonObject ToJson() => new()
    {
        ["text"] = Text,
        ["blocks"] = Blocks.DeepClone(),
        ["unfurl_links"] = false,
        ["unfurl_media"] = false,
    };
}
