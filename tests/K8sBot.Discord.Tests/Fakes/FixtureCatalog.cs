using K8sBot.Core.Content;

namespace K8sBot.Discord.Tests.Fakes;

/// <summary>A tiny curriculum so tests never depend on the real content folder.</summary>
internal static class FixtureCatalog
{
    public static ContentCatalog Create() => new(
        [
            Card("pod", ConceptCategory.Workloads, 1, "파드 (Pod)", ["파드", "pod"], "Pod", ["pod", "pods"], "컨테이너를 실행하는 가장 작은 단위예요.", "The smallest unit that runs containers."),
            Card("daemonset", ConceptCategory.Workloads, 2, "데몬셋 (DaemonSet)", ["데몬셋", "daemonset"], "DaemonSet", ["daemonset", "daemonsets", "ds"], "모든 노드에 파드를 하나씩 실행해요.", "Runs one pod on every node."),
            Card("service", ConceptCategory.Networking, 3, "서비스 (Service)", ["서비스", "service"], "Service", ["service", "svc"], "파드 묶음에 안정적인 주소를 줘요.", "Gives a set of pods a stable address."),
        ],
        [],
        []);

    private static ConceptCard Card(string id, ConceptCategory category, int order, string koTitle, string[] koNames, string enTitle, string[] enNames, string koDefinition, string enDefinition) =>
        new(
            id,
            category,
            order,
            new Uri($"https://kubernetes.io/docs/concepts/{id}/"),
            [],
            new CardText(koTitle, koNames, koDefinition, ["핵심 하나", "핵심 둘"], ["쓸 때"], ["피할 때"], ["실수"], []),
            new CardText(enTitle, enNames, enDefinition, ["Key one", "Key two"], ["Use"], ["Avoid"], ["Mistake"], []),
            null);
}
