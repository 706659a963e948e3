namespace K8sBot.Core.Content;

/// <summary>The curriculum's chapters. The YAML uses the kebab-case names (<c>cluster-architecture</c>).</summary>
public enum ConceptCategory
{
    Workloads,
    Networking,
    Configuration,
    Storage,
    ClusterArchitecture,
    Security,
    Scheduling,
    Extension,
    Tooling,
}
