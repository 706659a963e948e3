using K8sBot.Core.Content;
using K8sBot.Core.Localization;

namespace K8sBot.Core.Ask;

/// <summary>
/// The first ask: finds concepts whose names (from the cards) appear in the question, after
/// stripping common Korean particles. Exact matches only; no typo tolerance or scenarios.
/// </summary>
public sealed class AliasAskEngine : IAskEngine
{
    private static readonly string[] Particles = ["이랑", "에서", "으로", "이야", "인가요", "이란", "란", "가", "이", "는", "은", "를", "을", "랑", "와", "과", "의", "도", "야"];
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public AliasAskEngine(ContentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var card in catalog.Concepts)
        {
            _names.TryAdd(card.Id, card.Id);
            foreach (var name in card.Ko.Names.Concat(card.En.Names))
            {
                _names.TryAdd(Normalize(name), card.Id);
            }
        }
    }

    public AskAnswer Answer(string question, Lang lang)
    {
        ArgumentNullException.ThrowIfNull(question);
        var found = new List<string>();
        foreach (var raw in question.Split([' ', '\t', '?', '!', '.', ',', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var token = raw.ToLowerInvariant();
            if (Lookup(token) is { } id && !found.Contains(id))
            {
                found.Add(id);
            }
        }

        if (found.Count == 0)
        {
            return AskAnswer.Decline;
        }

        var isComparison = found.Count >= 2;
        return new AskAnswer(isComparison ? AskOutcome.Comparison : AskOutcome.Card, found, 1.0);
    }

    private string? Lookup(string token)
    {
        if (_names.TryGetValue(token, out var id))
        {
            return id;
        }

        foreach (var particle in Particles)
        {
            if (token.Length > particle.Length && token.EndsWith(particle, StringComparison.Ordinal) && _names.TryGetValue(token[..^particle.Length], out id))
            {
                return id;
            }
        }

        return null;
    }

    private static string Normalize(string name) => name.Trim().ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);
}
