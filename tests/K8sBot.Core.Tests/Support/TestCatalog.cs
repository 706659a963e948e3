using K8sBot.Core.Content;

namespace K8sBot.Core.Tests.Support;

/// <summary>A small catalogue built in code, so core tests do not depend on the real curriculum files.</summary>
internal static class TestCatalog
{
    public static ContentCatalog Create() => new(
        [
            Card("pod", 1, ConceptCategory.Workloads, ["파드", "팟", "pod", "pods", "po"], "파드 (Pod)", "Pod", ["replicaset"]),
            Card("replicaset", 2, ConceptCategory.Workloads, ["레플리카셋", "레플리카 셋", "replicaset", "rs"], "레플리카셋 (ReplicaSet)", "ReplicaSet", ["pod", "deployment"]),
            Card("deployment", 4, ConceptCategory.Workloads, ["디플로이먼트", "deployment", "deploy"], "디플로이먼트 (Deployment)", "Deployment", ["replicaset"]),
            Card("service", 15, ConceptCategory.Networking, ["서비스", "service", "svc"], "서비스 (Service)", "Service", ["pod"]),
        ],
        [
            Question("pod-1", "pod", 0),
            Question("pod-2", "pod", 1),
            Question("replicaset-1", "replicaset", 2),
        ],
        [
            new Comparison("deployment-vs-replicaset", ["deployment", "replicaset"],
                new ComparisonText("디플로이먼트 vs 레플리카셋", "디플로이먼트가 레플리카셋을 관리합니다.", ["**디플로이먼트**: 롤아웃", "**레플리카셋**: 개수 유지"]),
                new ComparisonText("Deployment vs ReplicaSet", "A Deployment manages ReplicaSets.", ["**Deployment**: rollouts", "**ReplicaSet**: keeps the count"])),
        ]);

    public static ConceptCard Card(string id, int order, ConceptCategory category, string[] names, string koTitle, string enTitle, string[] related) =>
        new(
            id,
            category,
            order,
            new Uri($"https://kubernetes.io/ko/docs/{id}/"),
            related,
            new CardText(koTitle, names, $"{koTitle}의 한 문장 정의입니다.", ["첫째 요점입니다.", "둘째 요점입니다.", "셋째 요점입니다."], ["쓸 때"], ["피할 때"], ["실수"], []),
            new CardText(enTitle, [.. names.Where(n => n.All(char.IsAscii))], $"A one-sentence definition of {enTitle}.", ["First point.", "Second point.", "Third point."], ["Use"], ["Avoid"], ["Mistake"], []),
            new ConceptExample($"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {id}\n", ["kubectl get pods"]));

    private static QuizQuestion Question(string id, string concept, int answer) =>
        new(id, concept, 1, QuestionType.Definition, false, answer,
            new QuestionText($"{id} 질문?", ["가", "나", "다", "라"], "설명입니다."),
            new QuestionText($"{id} question?", ["a", "b", "c", "d"], "Because."));
}
