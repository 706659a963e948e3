#pragma warning disable CA1812 // Instantiated by YamlDotNet.
namespace K8sBot.Core.Content;

// The YAML shapes, mutable for the deserializer; ContentLoader maps them to the immutable records.
internal sealed class ConceptFile
{
    public string? Id { get; set; }

    public string? Category { get; set; }

    public int Order { get; set; }

    public string? Docs { get; set; }

    public List<string>? Related { get; set; }

    public CardTextFile? Ko { get; set; }

    public CardTextFile? En { get; set; }

    public ExampleFile? Example { get; set; }
}

internal sealed class CardTextFile
{
    public string? Title { get; set; }

    public List<string>? Names { get; set; }

    public string? Definition { get; set; }

    public List<string>? KeyPoints { get; set; }

    public List<string>? UseWhen { get; set; }

    public List<string>? AvoidWhen { get; set; }

    public List<string>? Mistakes { get; set; }

    public List<string>? Keywords { get; set; }
}

internal sealed class ExampleFile
{
    public string? Manifest { get; set; }

    public List<string>? Commands { get; set; }
}

internal sealed class QuizFile
{
    public string? Concept { get; set; }

    public List<QuestionFile>? Questions { get; set; }
}

internal sealed class QuestionFile
{
    public string? Id { get; set; }

    public int Difficulty { get; set; }

    public string? Type { get; set; }

    public bool Misconception { get; set; }

    public int Answer { get; set; } = -1;

    public QuestionTextFile? Ko { get; set; }

    public QuestionTextFile? En { get; set; }
}

internal sealed class QuestionTextFile
{
    public string? Question { get; set; }

    public List<string>? Options { get; set; }

    public string? Explanation { get; set; }
}

internal sealed class ComparisonFile
{
    public string? Id { get; set; }

    public List<string>? Concepts { get; set; }

    public ComparisonTextFile? Ko { get; set; }

    public ComparisonTextFile? En { get; set; }
}

internal sealed class ComparisonTextFile
{
    public string? Title { get; set; }

    public string? Summary { get; set; }

    public List<string>? Points { get; set; }
}
