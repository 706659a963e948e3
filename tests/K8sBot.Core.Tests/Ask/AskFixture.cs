using K8sBot.Core.Content;
using K8sBot.Core.Tests.Support;

namespace K8sBot.Core.Tests.Ask;

/// <summary>A small catalogue with words that tempt a matcher: "node" (note), "role" (rule), generic "pod".</summary>
internal static class AskFixture
{
    public static ContentCatalog Create()
    {
        var baseCatalog = TestCatalog.Create();
        ConceptCard[] extra =
        [
            With(TestCatalog.Card("node", 20, ConceptCategory.ClusterArchitecture, ["노드", "node", "nodes"], "노드 (Node)", "Node", ["pod"]),
                "A worker machine that runs Pods.", ["machine", "server"], ["You add capacity to the cluster"]),
            With(TestCatalog.Card("role", 30, ConceptCategory.Security, ["롤", "role", "roles"], "롤 (Role)", "Role", []),
                "A set of permissions inside one namespace.", ["permissions", "rbac"], ["You grant read access to Pods in one namespace"]),
            With(TestCatalog.Card("daemonset", 5, ConceptCategory.Workloads, ["데몬셋", "데몬 셋", "daemonset", "daemon set", "ds"], "데몬셋 (DaemonSet)", "DaemonSet", ["pod", "node"]),
                "Runs one copy of a Pod on every node.", ["every node", "log collector", "node agent", "모든 노드", "로그 수집"], ["You need one log collector on every node", "모든 노드에 로그 수집기를 띄울 때"]),
            With(TestCatalog.Card("cronjob", 9, ConceptCategory.Workloads, ["크론잡", "크론 잡", "cronjob", "cron job"], "크론잡 (CronJob)", "CronJob", []),
                "Runs Jobs on a repeating schedule.", ["schedule", "nightly backup", "매일", "새벽 백업", "일정"], ["You back up a database every night", "매일 새벽에 백업을 돌릴 때"]),
        ];
        return new ContentCatalog([.. baseCatalog.Concepts, .. extra], baseCatalog.Questions, baseCatalog.Comparisons);
    }

    private static ConceptCard With(ConceptCard card, string definition, string[] keywords, string[] useWhen) =>
        card with
        {
            En = card.En with { Definition = definition, Keywords = [.. keywords.Where(k => k.All(char.IsAscii))], UseWhen = [.. useWhen.Where(k => k.All(char.IsAscii))] },
            Ko = card.Ko with { Keywords = keywords, UseWhen = useWhen },
        };
}
