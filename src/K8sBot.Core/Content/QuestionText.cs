namespace K8sBot.Core.Content;

public sealed record QuestionText(string Question, IReadOnlyList<string> Options, string Explanation);
