using k8s;
using K8sBot.Core.Content;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Content;

/// <summary>
/// Everything CI checks about <c>content/</c>: structure, both languages, ids and links, quiz rules,
/// platform size limits of every rendered card, and every manifest loaded strictly by the
/// KubernetesClient library (unknown or misspelt fields fail).
/// </summary>
internal sealed class ContentLinter(IEnumerable<IReplyLimits> limits)
{
    private const int MaxOptionLength = 75;
    private const int MaxQuestionLength = 1500;
    private const int MinQuestionsPerConcept = 7;

    public IReadOnlyList<ContentProblem> Lint(string directory, bool requireFullCurriculum)
    {
        var result = ContentLoader.Load(directory);
        var problems = new List<ContentProblem>(result.Problems);
        var catalog = result.Catalog;
        CheckIds(catalog, requireFullCurriculum, problems);
        foreach (var card in catalog.Concepts)
        {
            CheckCard(catalog, card, problems);
        }

        CheckQuestions(catalog, problems);
        foreach (var comparison in catalog.Comparisons)
        {
            foreach (var id in comparison.Concepts.Where(id => catalog.Find(id) is null))
            {
                problems.Add(new($"comparisons/{comparison.Id}", $"unknown concept '{id}'"));
            }

            foreach (var lang in Enum.GetValues<Lang>())
            {
                if (comparison.Text(lang).Points.Count is < 2 or > 8)
                {
                    problems.Add(new($"comparisons/{comparison.Id}", $"{lang.Code()}: 2 to 8 points expected"));
                }
            }
        }

        return problems;
    }

    private static void CheckIds(ContentCatalog catalog, bool requireFull, List<ContentProblem> problems)
    {
        var required = requireFull ? Curriculum.RequiredIds : Curriculum.StarterIds;
        foreach (var id in required.Where(id => catalog.Find(id) is null))
        {
            problems.Add(new("concepts/", $"required concept '{id}' is missing"));
        }

        for (var i = 0; i < Curriculum.StarterIds.Count; i++)
        {
            if (catalog.Find(Curriculum.StarterIds[i]) is { } starter && starter.Order != i + 1)
            {
                problems.Add(new($"concepts/{starter.Id}", $"starter concept must have order {i + 1}"));
            }
        }

        foreach (var group in catalog.Concepts.GroupBy(c => c.Order).Where(g => g.Count() > 1))
        {
            problems.Add(new("concepts/", $"order {group.Key} is used by {string.Join(", ", group.Select(c => c.Id))}"));
        }
    }

    private void CheckCard(ContentCatalog catalog, ConceptCard card, List<ContentProblem> problems)
    {
        var file = $"concepts/{card.Id}.yaml";
        void Fail(string message) => problems.Add(new(file, message));

        if (card.Docs.Scheme != Uri.UriSchemeHttps || card.Docs.Host != "kubernetes.io")
        {
            Fail("docs must be an https://kubernetes.io/ link");
        }

        foreach (var id in card.Related.Where(id => catalog.Find(id) is null || id == card.Id))
        {
            Fail($"related id '{id}' does not exist (or is the card itself)");
        }

        foreach (var lang in Enum.GetValues<Lang>())
        {
            var text = card.Text(lang);
            var code = lang.Code();
            if (text.Names.Count == 0)
            {
                Fail($"{code}.names is empty");
            }

            if (text.KeyPoints.Count is < 3 or > 6)
            {
                Fail($"{code}.keyPoints must have 3 to 6 entries (has {text.KeyPoints.Count})");
            }

            if (text.UseWhen.Count == 0 || text.AvoidWhen.Count == 0 || text.Mistakes.Count == 0)
            {
                Fail($"{code}: useWhen, avoidWhen and mistakes need at least one entry each");
            }

            if (lang == Lang.Ko && !LangExtensions.ContainsHangul(text.Definition))
            {
                Fail("ko.definition is not Korean");
            }

            var presenter = new CardPresenter(catalog);
            foreach (var detail in Enum.GetValues<CardDetail>())
            {
                var reply = presenter.Card(card, lang, detail);
                foreach (var limit in limits)
                {
                    foreach (var violation in limit.Check(reply))
                    {
                        Fail($"{code} {detail} card on {limit.Platform}: {violation}");
                    }
                }
            }
        }

        if (card.Example?.Manifest is { } manifest)
        {
            CheckManifest(manifest, Fail);
        }

        if (card.Example is { Commands.Count: > 0 } example && example.Commands.Any(c => !c.TrimStart().StartsWith("kubectl", StringComparison.Ordinal)))
        {
            Fail("example commands must be kubectl commands");
        }
    }

    private static void CheckManifest(string manifest, Action<string> fail)
    {
        try
        {
            var objects = KubernetesYaml.LoadAllFromString(manifest, strict: true);
            if (objects.Count == 0)
            {
                fail("example.manifest is empty");
            }

            foreach (var obj in objects)
            {
                if (obj is not IKubernetesObject<k8s.Models.V1ObjectMeta> { ApiVersion.Length: > 0, Kind.Length: > 0 } typed || string.IsNullOrEmpty(typed.Metadata?.Name))
                {
                    fail("every manifest object needs apiVersion, kind and metadata.name");
                }
            }
        }
        catch (Exception ex) when (ex is YamlDotNet.Core.YamlException or InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            fail($"example.manifest does not load strictly: {ex.Message}");
        }
    }

    private static void CheckQuestions(ContentCatalog catalog, List<ContentProblem> problems)
    {
        foreach (var group in catalog.Questions.GroupBy(q => q.Id).Where(g => g.Count() > 1))
        {
            problems.Add(new($"quiz/{group.First().ConceptId}.yaml", $"question id '{group.Key}' is used {group.Count()} times"));
        }

        foreach (var lang in Enum.GetValues<Lang>())
        {
            foreach (var group in catalog.Questions.GroupBy(q => Normalize(q.Text(lang).Question)).Where(g => g.Count() > 1))
            {
                problems.Add(new("quiz/", $"duplicate {lang.Code()} question: {string.Join(", ", group.Select(q => q.Id))}"));
            }
        }

        foreach (var card in catalog.Concepts)
        {
            var questions = catalog.QuestionsFor(card.Id);
            if (questions.Count < MinQuestionsPerConcept)
            {
                problems.Add(new($"quiz/{card.Id}.yaml", $"{questions.Count} questions; at least {MinQuestionsPerConcept} needed"));
            }

            if (questions.Count(q => q.Misconception) < 2)
            {
                problems.Add(new($"quiz/{card.Id}.yaml", "at least 2 questions must target a misconception"));
            }
        }

        foreach (var q in catalog.Questions)
        {
            var file = $"quiz/{q.ConceptId}.yaml";
            void Fail(string message) => problems.Add(new(file, $"{q.Id}: {message}"));
            if (catalog.Find(q.ConceptId) is null)
            {
                Fail($"unknown concept '{q.ConceptId}'");
            }

            if (q.Difficulty is < 1 or > 3)
            {
                Fail("difficulty must be 1 to 3");
            }

            var expected = q.Type == QuestionType.TrueFalse ? 2 : 4;
            foreach (var lang in Enum.GetValues<Lang>())
            {
                var text = q.Text(lang);
                if (text.Options.Count != expected)
                {
                    Fail($"{lang.Code()} has {text.Options.Count} options; {expected} expected");
                }

                if (text.Options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != text.Options.Count)
                {
                    Fail($"{lang.Code()} has duplicate options");
                }

                if (text.Options.Any(o => o.Length > MaxOptionLength))
                {
                    Fail($"{lang.Code()} option longer than {MaxOptionLength} characters (button limit)");
                }

                if (text.Question.Length > MaxQuestionLength || text.Explanation.Length > MaxQuestionLength)
                {
                    Fail($"{lang.Code()} question or explanation longer than {MaxQuestionLength} characters");
                }

                if (text.Options.Any(o => o.Contains("all of the above", StringComparison.OrdinalIgnoreCase) || o.Contains("모두 정답", StringComparison.Ordinal)))
                {
                    Fail("no 'all of the above' options");
                }
            }

            if (q.Answer < 0 || q.Answer >= q.Ko.Options.Count || q.Ko.Options.Count != q.En.Options.Count)
            {
                Fail("answer must index an option, and both languages need the same options");
            }
        }
    }

    private static string Normalize(string text) => new([.. text.ToLowerInvariant().Where(char.IsLetterOrDigit)]);
}
