using K8sBot.Core.Localization;

namespace K8sBot.Core.Content;

/// <summary>A side-by-side answer for "A vs B" questions.</summary>
public sealed record Comparison(string Id, IReadOnlyList<string> Concepts, ComparisonText Ko, ComparisonText En)
{
    public ComparisonText Text(Lang lang) => lang == Lang.Ko ? Ko : En;
}
