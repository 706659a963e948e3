using K8sBot.Core.Commands;

namespace K8sBot.Core.Content;

/// <summary>Finds a concept by what a user typed as its name: id, any listed name, or one typo away.</summary>
public sealed class ConceptLookup
{
    private readonly ContentCatalog _catalog;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public ConceptLookup(ContentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        foreach (var card in catalog.Concepts)
        {
            _names.TryAdd(card.Id, card.Id);
            foreach (var name in card.Ko.Names.Concat(card.En.Names).Append(card.Ko.Title).Append(card.En.Title))
            {
                _names.TryAdd(Normalize(name), card.Id);
            }
        }
    }

    public ConceptCard? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var key = Normalize(text);
        if (_names.TryGetValue(key, out var id))
        {
            return _catalog.Find(id);
        }

        if (key.Length < 4)
        {
            return null;
        }

        var best = _names
            .Select(kv => (kv.Value, Distance: Levenshtein.Distance(key, kv.Key), kv.Key))
            .Where(x => x.Distance <= (x.Key.Length >= 8 ? 2 : 1))
            .OrderBy(x => x.Distance)
            .FirstOrDefault();
        return best.Value is null ? null : _catalog.Find(best.Value);
    }

    /// <summary>Concepts whose names start with <paramref name="prefix"/>, for autocomplete.</summary>
    public IReadOnlyList<ConceptCard> Complete(string? prefix, int max = 25)
    {
        var key = Normalize(prefix ?? string.Empty);
        return _names.Where(kv => kv.Key.StartsWith(key, StringComparison.Ordinal) || kv.Key.Contains(key, StringComparison.Ordinal))
            .Select(kv => kv.Value)
            .Distinct(StringComparer.Ordinal)
            .Select(_catalog.Find)
            .OfType<ConceptCard>()
            .OrderBy(c => c.Order)
            .Take(max)
            .ToList();
    }

    private static string Normalize(string text) =>
        new([.. text.Trim().ToLowerInvariant().Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '_' and not '(' and not ')')]);
}
