using K8sBot.Core.Content;

namespace K8sBot.Core.Tests.Quiz;

/// <summary>A tiny catalogue built in code. The correct option of every question contains "RIGHT", so tests can find it after shuffling.</summary>
internal static class QuizContent
{
    public static ContentCatalog Catalog()
    {
        ConceptCard[] concepts =
        [
            Card("pod", ConceptCategory.Workloads, 1, "파드", "Pod"),
            Card("deployment", ConceptCategory.Workloads, 2, "디플로이먼트", "Deployment"),
            Card("service", ConceptCategory.Networking, 3, "서비스", "Service"),
        ];
        QuizQuestion[] questions =
        [
            Question("pod-1", "pod", 1),
            Question("pod-2", "pod", 2),
            Question("deployment-1", "deployment", 0),
            Question("service-1", "service", 3),
        ];
        return new ContentCatalog(concepts, questions, []);
    }

    private static ConceptCard Card(string id, ConceptCategory category, int order, string ko, string en) =>
        new(id, category, order, new Uri($"https://kubernetes.io/docs/{id}"), [], Text(ko), Text(en), null);

    private static CardText Text(string title) =>
        new(title, [title.ToLowerInvariant()], $"{title} definition.", ["point"], ["use"], ["avoid"], ["mistake"], ["keyword"]);

    private static QuizQuestion Question(string id, string concept, int answer)
    {
        var ko = Options($"{id} 질문?", answer, "한국어");
        var en = Options($"What is {id}?", answer, "English");
        return new QuizQuestion(id, concept, 1, QuestionType.Definition, false, answer, ko, en);
    }

    private static QuestionText Options(string question, int answer, string lang) =>
        new(question, [.. Enumerable.Range(0, 4).Select(i => i == answer ? $"{lang} option {i} RIGHT" : $"{lang} option {i} wrong")], $"{lang} explanation for {question}");
}
