using System.Text.Json.Serialization;

namespace K8sBot.Core.Daily;

/// <summary>One JSON line of <c>k8sbot daily plan --json</c>.</summary>
internal sealed record PlanLine([property: JsonPropertyName("date")] string Date, [property: JsonPropertyName("concept")] string Concept);

[JsonSerializable(typeof(PlanLine))]
internal sealed partial class PlanJson : JsonSerializerContext;
