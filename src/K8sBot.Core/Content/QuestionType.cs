namespace K8sBot.Core.Content;

public enum QuestionType
{
    Definition,
    Scenario,
    Manifest,
    Kubectl,
    TrueFalse,
    WrongStatement,
}
