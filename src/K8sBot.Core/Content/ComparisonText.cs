namespace K8sBot.Core.Content;

public sealed record ComparisonText(string Title, string Summary, IReadOnlyList<string> Points);
