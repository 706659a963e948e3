using K8sBot.Core.Localization;

namespace K8sBot.Core.Content;

public static class ConceptCategories
{
    private static readonly Dictionary<ConceptCategory, (string Slug, LocalizedText Name)> Info = new()
    {
        [ConceptCategory.Workloads] = ("workloads", new("워크로드", "Workloads")),
        [ConceptCategory.Networking] = ("networking", new("네트워킹", "Networking")),
        [ConceptCategory.Configuration] = ("configuration", new("구성", "Configuration")),
        [ConceptCategory.Storage] = ("storage", new("스토리지", "Storage")),
        [ConceptCategory.ClusterArchitecture] = ("cluster-architecture", new("클러스터 아키텍처", "Cluster architecture")),
        [ConceptCategory.Security] = ("security", new("보안", "Security")),
        [ConceptCategory.Scheduling] = ("scheduling", new("스케줄링", "Scheduling")),
        [ConceptCategory.Extension] = ("extension", new("확장", "Extension")),
        [ConceptCategory.Tooling] = ("tooling", new("도구", "Tooling")),
    };

    public static string Slug(this ConceptCategory category) => Info[category].Slug;

    public static string DisplayName(this ConceptCategory category, Lang lang) => Info[category].Name.For(lang);

    /// <summary>Accepts the slug, the English or Korean name, case-insensitively.</summary>
    public static bool TryParse(string? text, out ConceptCategory category)
    {
        category = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim().ToLowerInvariant();
        foreach (var (key, info) in Info)
        {
            if (value == info.Slug || value == info.Name.En.ToLowerInvariant() || value == info.Name.Ko || value == info.Slug.Replace("-", string.Empty, StringComparison.Ordinal))
            {
                category = key;
                return true;
            }
        }

        return false;
    }
}
