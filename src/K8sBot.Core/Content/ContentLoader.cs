using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace K8sBot.Core.Content;

/// <summary>
/// Reads <c>content/</c> into a <see cref="ContentCatalog"/>. Structural problems (bad YAML, missing
/// required text) are collected, not thrown, so the linter can list them all at once; the bot
/// refuses to start when there are any.
/// </summary>
public static class ContentLoader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static ContentLoadResult Load(string directory)
    {
        var problems = new List<ContentProblem>();
        if (!Directory.Exists(directory))
        {
            problems.Add(new(directory, "content folder not found"));
            return new(new ContentCatalog([], [], []), problems);
        }

        var concepts = ReadAll<ConceptFile>(Path.Combine(directory, "concepts"), problems)
            .Select(x => MapConcept(x.File, x.Data, problems))
            .OfType<ConceptCard>()
            .ToList();
        var questions = ReadAll<QuizFile>(Path.Combine(directory, "quiz"), problems)
            .SelectMany(x => MapQuiz(x.File, x.Data, problems))
            .ToList();
        var comparisons = ReadAll<ComparisonFile>(Path.Combine(directory, "comparisons"), problems)
            .Select(x => MapComparison(x.File, x.Data, problems))
            .OfType<Comparison>()
            .ToList();
        return new(new ContentCatalog(concepts, questions, comparisons), problems);
    }

    private static IEnumerable<(string File, T Data)> ReadAll<T>(string folder, List<ContentProblem> problems)
        where T : class
    {
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            T? data = null;
            try
            {
                data = Yaml.Deserialize<T>(File.ReadAllText(file));
            }
            catch (YamlException ex)
            {
                problems.Add(new(file, $"line {ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}"));
            }

            if (data is not null)
            {
                yield return (file, data);
            }
        }
    }

    private static ConceptCard? MapConcept(string file, ConceptFile data, List<ContentProblem> problems)
    {
        var ok = true;
        void Fail(string message)
        {
            problems.Add(new(file, message));
            ok = false;
        }

        if (string.IsNullOrWhiteSpace(data.Id))
        {
            Fail("id is missing");
        }
        else if (!string.Equals(Path.GetFileNameWithoutExtension(file), data.Id, StringComparison.Ordinal))
        {
            Fail($"id '{data.Id}' does not match the file name");
        }

        if (!ConceptCategories.TryParse(data.Category, out var category))
        {
            Fail($"unknown category '{data.Category}'");
        }

        if (data.Order <= 0)
        {
            Fail("order must be a positive number");
        }

        if (!Uri.TryCreate(data.Docs, UriKind.Absolute, out var docs))
        {
            Fail("docs must be an absolute URL");
        }

        var ko = MapCardText(data.Ko, "ko", Fail);
        var en = MapCardText(data.En, "en", Fail);
        ConceptExample? example = data.Example is null
            ? null
            : new ConceptExample(string.IsNullOrWhiteSpace(data.Example.Manifest) ? null : data.Example.Manifest, data.Example.Commands ?? []);
        return ok ? new ConceptCard(data.Id!, category, data.Order, docs!, data.Related ?? [], ko!, en!, example) : null;
    }

    private static CardText? MapCardText(CardTextFile? text, string lang, Action<string> fail)
    {
        if (text is null)
        {
            fail($"{lang} is missing");
            return null;
        }

        if (string.IsNullOrWhiteSpace(text.Title) || string.IsNullOrWhiteSpace(text.Definition))
        {
            fail($"{lang}.title and {lang}.definition are required");
            return null;
        }

        return new CardText(
            text.Title.Trim(),
            text.Names ?? [],
            text.Definition.Trim(),
            text.KeyPoints ?? [],
            text.UseWhen ?? [],
            text.AvoidWhen ?? [],
            text.Mistakes ?? [],
            text.Keywords ?? []);
    }

    private static IEnumerable<QuizQuestion> MapQuiz(string file, QuizFile data, List<ContentProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(data.Concept))
        {
            problems.Add(new(file, "concept is missing"));
            yield break;
        }

        foreach (var q in data.Questions ?? [])
        {
            var where = q.Id ?? "(question without id)";
            if (string.IsNullOrWhiteSpace(q.Id))
            {
                problems.Add(new(file, "a question has no id"));
                continue;
            }

            if (!TryParseType(q.Type, out var type))
            {
                problems.Add(new(file, $"{where}: unknown type '{q.Type}'"));
                continue;
            }

            var ko = MapQuestionText(q.Ko);
            var en = MapQuestionText(q.En);
            if (ko is null || en is null)
            {
                problems.Add(new(file, $"{where}: question, options and explanation are required in ko and en"));
                continue;
            }

            yield return new QuizQuestion(q.Id, data.Concept, q.Difficulty, type, q.Misconception, q.Answer, ko, en);
        }
    }

    private static QuestionText? MapQuestionText(QuestionTextFile? text) =>
        text is { Question: { Length: > 0 } question, Options: { Count: > 0 } options, Explanation: { Length: > 0 } explanation }
            ? new QuestionText(question.Trim(), [.. options.Select(o => o.Trim())], explanation.Trim())
            : null;

    private static bool TryParseType(string? text, out QuestionType type)
    {
        type = default;
        return text?.Trim().ToLowerInvariant() switch
        {
            "definition" => Set(QuestionType.Definition, out type),
            "scenario" => Set(QuestionType.Scenario, out type),
            "manifest" => Set(QuestionType.Manifest, out type),
            "kubectl" => Set(QuestionType.Kubectl, out type),
            "true-false" => Set(QuestionType.TrueFalse, out type),
            "wrong-statement" => Set(QuestionType.WrongStatement, out type),
            _ => false,
        };

        static bool Set(QuestionType value, out QuestionType type)
        {
            type = value;
            return true;
        }
    }

    private static Comparison? MapComparison(string file, ComparisonFile data, List<ContentProblem> problems)
    {
        static ComparisonText? Map(ComparisonTextFile? t) =>
            t is { Title: { Length: > 0 } title, Summary: { Length: > 0 } summary }
                ? new ComparisonText(title.Trim(), summary.Trim(), t.Points ?? [])
                : null;

        var ko = Map(data.Ko);
        var en = Map(data.En);
        if (string.IsNullOrWhiteSpace(data.Id) || data.Concepts is not { Count: > 0 } || ko is null || en is null)
        {
            problems.Add(new(file, "a comparison needs id, concepts, and ko/en title and summary"));
            return null;
        }

        return new Comparison(data.Id, data.Concepts, ko, en);
    }
}
