using System.Text.Json.Nodes;

namespace K8sBot.Discord.Rendering;

/// <summary>A message body ready for Discord, and what had to be cut or dropped to fit (empty when nothing).</summary>
internal sealed record RenderedMessage(JsonObject Body, IReadOnlyList<string> Issues);
