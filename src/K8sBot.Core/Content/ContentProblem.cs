namespace K8sBot.Core.Content;

/// <summary>Something wrong with a content file, with where it is.</summary>
public sealed record ContentProblem(string File, string Message)
{
    public override string ToString() => $"{File}: {Message}";
}
