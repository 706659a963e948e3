using System.Globalization;
using K8sBot.Core.Ask;
using K8sBot.Core.Localization;

namespace K8sBot.Core.Tests.Ask;

/// <summary>
/// One line of the evaluation set: what kind of question, its language, the acceptable first concepts, and the
/// batch it was written in (a "# batch N" comment line starts a batch; 0 before any such line).
/// </summary>
internal sealed record AskEvalCase(string Kind, Lang Lang, IReadOnlyList<string> Acceptable, string Question, int Batch = 0)
{
    public bool MustDecline => Acceptable.Count == 0;

    /// <summary>The issue's rule: the first concept is an acceptable one; for out-of-scope, the list is empty.</summary>
    public bool IsCorrect(AskAnswer answer) =>
        MustDecline ? answer.Concepts.Count == 0 : answer.Concepts.Count > 0 && Acceptable.Contains(answer.Concepts[0]);
}

/// <summary>Reads the TSV evaluation set (kind, lang, acceptable ids or "-", question) and scores an engine on it.</summary>
internal static class AskEvalSet
{
    public static IReadOnlyList<AskEvalCase> Load(string path)
    {
        var cases = new List<AskEvalCase>();
        var batch = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("# batch ", StringComparison.Ordinal))
            {
                var digits = line["# batch ".Length..].TakeWhile(char.IsAsciiDigit).ToArray();
                batch = digits.Length > 0 ? int.Parse(digits, CultureInfo.InvariantCulture) : batch;
                continue;
            }

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var f = line.Split('\t');
            cases.Add(new AskEvalCase(
                f[0],
                f[1] == "ko" ? Lang.Ko : Lang.En,
                f[2] == "-" ? [] : f[2].Split(',', StringSplitOptions.TrimEntries),
                f[3],
                batch));
        }

        return cases;
    }

    public static AskEvalReport Run(IAskEngine engine, IReadOnlyList<AskEvalCase> cases)
    {
        var results = cases.Select(c => (Case: c, Answer: engine.Answer(c.Question, c.Lang))).ToList();
        return new AskEvalReport([.. results.Select(r => new AskEvalResult(r.Case, r.Answer, r.Case.IsCorrect(r.Answer)))]);
    }

    /// <summary>The folder that holds K8sBot.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "K8sBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("K8sBot.sln not found above " + AppContext.BaseDirectory);
    }
}

internal sealed record AskEvalResult(AskEvalCase Case, AskAnswer Answer, bool Correct);

internal sealed record AskEvalReport(IReadOnlyList<AskEvalResult> Results)
{
    public double Accuracy => Results.Count == 0 ? 0 : (double)Results.Count(r => r.Correct) / Results.Count;

    public IEnumerable<string> Lines()
    {
        yield return $"overall {Results.Count(r => r.Correct)}/{Results.Count} = {Accuracy:P1}";
        foreach (var group in Results.GroupBy(r => r.Case.Lang.Code()).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            yield return $"lang {group.Key,-14} {group.Count(r => r.Correct),3}/{group.Count(),3} = {(double)group.Count(r => r.Correct) / group.Count():P1}";
        }

        if (Results.Select(r => r.Case.Batch).Distinct().Count() > 1)
        {
            foreach (var group in Results.GroupBy(r => r.Case.Batch).OrderBy(g => g.Key))
            {
                yield return $"batch {group.Key,-13} {group.Count(r => r.Correct),3}/{group.Count(),3} = {(double)group.Count(r => r.Correct) / group.Count():P1}";
            }
        }

        foreach (var group in Results.GroupBy(r => r.Case.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            yield return $"kind {group.Key,-14} {group.Count(r => r.Correct),3}/{group.Count(),3} = {(double)group.Count(r => r.Correct) / group.Count():P1}";
        }

        var comparisons = Results.Where(r => r.Case.Kind == "comparison").ToList();
        if (comparisons.Count > 0)
        {
            var pairs = comparisons.Count(r => r.Answer.Outcome == AskOutcome.Comparison);
            yield return $"comparison questions answered as a side-by-side comparison: {pairs}/{comparisons.Count}";
        }

        foreach (var miss in Results.Where(r => !r.Correct))
        {
            yield return $"MISS [{miss.Case.Kind}/{miss.Case.Lang.Code()}{(miss.Case.Batch > 0 ? "/b" + miss.Case.Batch.ToString(CultureInfo.InvariantCulture) : "")}] {miss.Case.Question} -> [{string.Join(",", miss.Answer.Concepts)}] ({miss.Answer.Outcome}, {miss.Answer.Confidence:0.00}); want {(miss.Case.MustDecline ? "decline" : string.Join("|", miss.Case.Acceptable))}";
        }
    }
}
