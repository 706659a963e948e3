using System.Runtime.CompilerServices;
using K8sBot.Core.Content;

namespace K8sBot.Core.Ask.Retrieval;

/// <summary>
/// Everything the engine needs from the catalogue, computed once: a name table (every name of
/// every card, spacing removed), names grouped by script for typo matching, and a BM25F matrix
/// of precomputed term weights (term × card), so answering is a few dictionary lookups and adds.
/// Immutable after construction, so it is safe to share across threads.
/// </summary>
internal sealed class AskIndex
{
    private const int MaxWindow = 5;

    private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _terms = new(StringComparer.Ordinal);
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly List<NameKey> _latinNames = [];
    private readonly List<NameKey> _hangulNames = [];
    private readonly float[] _weights;
    private readonly float[] _idf;
    private readonly float[] _specificity;
    private readonly Dictionary<string, int[]> _synonyms = new(StringComparer.Ordinal);
    private readonly int[] _passageCard;
    private readonly float[] _passageMass;
    private readonly int[][] _passagesOf;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public AskIndex(ContentCatalog catalog, RetrievalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Settings = settings;
        Ids = [.. catalog.Concepts.Select(c => c.Id)];
        var n = Ids.Length;
        for (var c = 0; c < n; c++)
        {
            AddNames(catalog.Concepts[c], c);
        }

        // Per card and field: the analysed terms. Names are a set: listing many spellings must not inflate a card.
        var fields = new List<(int Card, CardField Field, List<string> Terms)>();
        var mentionedBy = new HashSet<int>[n];
        for (var c = 0; c < n; c++)
        {
            mentionedBy[c] = [];
        }

        var hits = new List<NameHit>();
        for (var c = 0; c < n; c++)
        {
            var card = catalog.Concepts[c];
            foreach (var text in new[] { card.Ko, card.En })
            {
                var names = new List<string>();
                foreach (var name in text.Names)
                {
                    var tokens = Tokenizer.Tokenize(name);
                    AddTerms(tokens, names, _words);
                    names.Add(Join(tokens));
                }

                fields.Add((c, CardField.Names, [.. names.Distinct(StringComparer.Ordinal)]));
                fields.Add((c, CardField.Title, Analyse(text.Title)));
                fields.Add((c, CardField.Keywords, Analyse(string.Join(" \n ", text.Keywords))));
                fields.Add((c, CardField.UseWhen, Analyse(string.Join(" \n ", text.UseWhen), c, mentionedBy, hits)));
                fields.Add((c, CardField.Definition, Analyse(text.Definition, c, mentionedBy, hits)));
                fields.Add((c, CardField.KeyPoints, Analyse(string.Join(" \n ", text.KeyPoints), c, mentionedBy, hits)));
                fields.Add((c, CardField.Mistakes, Analyse(string.Join(" \n ", text.Mistakes), c, mentionedBy, hits)));
            }
        }

        foreach (var term in fields.SelectMany(f => f.Terms))
        {
            _terms.TryAdd(term, _terms.Count);
        }

        var fieldCount = Enum.GetValues<CardField>().Length;
        var averageLength = new float[fieldCount];
        foreach (var group in fields.GroupBy(f => f.Field))
        {
            averageLength[(int)group.Key] = Math.Max(1f, (float)group.Sum(f => f.Terms.Count) / n);
        }

        // Pseudo term frequency per (term, card): BM25F sums length-normalised, weighted field counts.
        var pseudo = new float[_terms.Count * n];
        foreach (var (card, field, terms) in fields)
        {
            var norm = 1 - settings.B + (settings.B * terms.Count / averageLength[(int)field]);
            var weight = settings.Weight(field) / norm;
            foreach (var term in terms)
            {
                pseudo[(_terms[term] * n) + card] += weight;
            }
        }

        _idf = new float[_terms.Count];
        _weights = new float[_terms.Count * n];
        for (var t = 0; t < _terms.Count; t++)
        {
            var df = 0;
            for (var c = 0; c < n; c++)
            {
                df += pseudo[(t * n) + c] > 0 ? 1 : 0;
            }

            _idf[t] = Idf(df, n);
            for (var c = 0; c < n; c++)
            {
                var tf = pseudo[(t * n) + c];
                _weights[(t * n) + c] = tf == 0 ? 0 : _idf[t] * tf * (settings.K1 + 1) / (settings.K1 + tf);
            }
        }

        MaxIdf = Idf(0, n);
        (_passageCard, _passageMass, _passagesOf) = BuildPassages(catalog);
        // How specific a name is: how many other cards mention the concept in their text.
        var maxLog = MathF.Log(n + 1f);
        _specificity = [.. mentionedBy.Select(m => Math.Clamp(MathF.Log((n + 1f) / (m.Count + 1f)) / maxLog, 0.05f, 1f))];

        // The thesaurus resolved to term ids once; a replacement the cards do not use is dropped (a test keeps the table
        // free of them), and a word the cards already use keeps its own meaning.
        foreach (var (word, replacements) in Synonyms.Entries)
        {
            int[] ids = [.. replacements.Select(TermId).Where(id => id >= 0)];
            if (ids.Length > 0 && TermId(word) < 0)
            {
                _synonyms.Add(word, ids);
            }
        }
    }

    public RetrievalSettings Settings { get; }

    public string[] Ids { get; }

    public int Count => Ids.Length;

    /// <summary>The rarity a word gets when no card contains it: an unknown word is strong counter-evidence.</summary>
    public float MaxIdf { get; }

    public int TermId(string term) => _terms.GetValueOrDefault(term, -1);

    /// <summary>The card terms a word no card uses stands for (<see cref="Synonyms"/>), best first; empty if none.</summary>
    public ReadOnlySpan<int> SynonymTerms(string word) => _synonyms.TryGetValue(word, out var ids) ? ids : [];

    public float Idf(int term) => _idf[term];

    public ReadOnlySpan<float> Row(int term) => _weights.AsSpan(term * Count, Count);

    /// <summary>
    /// 0..1: how specific a concept's name is. "pod" is mentioned by most cards, so naming it in a
    /// long scenario question says less than naming "PodDisruptionBudget".
    /// </summary>
    public float Specificity(int concept) => _specificity[concept];

    /// <summary>Short passages (one keyword phrase or use-when line each): their card, and the rarity mass of their terms.</summary>
    public int PassageCount => _passageCard.Length;

    public int PassageCard(int passage) => _passageCard[passage];

    public float PassageMass(int passage) => _passageMass[passage];

    /// <summary>The passages that contain a term (empty for none).</summary>
    public ReadOnlySpan<int> PassagesOf(int term) => term >= 0 && term < _passagesOf.Length ? _passagesOf[term] : [];

    /// <summary>
    /// Each keyword phrase and use-when line on its own: a scenario that matches most of one line ("one log collector
    /// on every node") is closer than one that shares the same words spread over a whole card.
    /// </summary>
    private (int[] Cards, float[] Masses, int[][] ByTerm) BuildPassages(ContentCatalog catalog)
    {
        var cards = new List<int>();
        var masses = new List<float>();
        var lists = new List<int>[_terms.Count];
        for (var c = 0; c < catalog.Concepts.Count; c++)
        {
            var card = catalog.Concepts[c];
            foreach (var text in new[] { card.Ko, card.En })
            {
                foreach (var line in text.Keywords.Concat(text.UseWhen))
                {
                    var ids = new HashSet<int>();
                    foreach (var token in Tokenizer.Tokenize(line, int.MaxValue, int.MaxValue))
                    {
                        if (token.IsContent && TermId(token.Stem) is var id and >= 0)
                        {
                            ids.Add(id);
                        }
                    }

                    if (ids.Count == 0)
                    {
                        continue;
                    }

                    var passage = cards.Count;
                    cards.Add(c);
                    masses.Add(ids.Sum(t => _idf[t]));
                    foreach (var id in ids)
                    {
                        (lists[id] ??= []).Add(passage);
                    }
                }
            }
        }

        return ([.. cards], [.. masses], [.. lists.Select(l => l is null ? Array.Empty<int>() : l.ToArray())]);
    }

    /// <summary>A word some card uses: such a word is never "corrected" into a concept name.</summary>
    public bool IsKnownWord(string word) => _words.Contains(word) || _names.ContainsKey(word);

    /// <summary>Memory held by the index arrays, for the benchmark report.</summary>
    public long ApproximateBytes => ((long)_weights.Length * sizeof(float)) + ((long)_terms.Count * 64) + ((long)_names.Count * 64);

    /// <summary>The analysed retrieval terms of one token, or none for a stop word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TermsOf(in QueryToken token, List<string> terms)
    {
        if (!token.IsContent)
        {
            return;
        }

        terms.Add(token.Stem);
        if (token.Script != Script.Hangul)
        {
            return;
        }

        if (token.Stem.Length >= 3)
        {
            for (var i = 0; i + 2 <= token.Stem.Length; i++)
            {
                terms.Add(token.Stem.Substring(i, 2));
            }
        }

        // The inflected form before KoreanVerbs reduced it (않게, 죽지) still counts as a part: a card that uses the
        // same form is a closer match than one that only shares the verb.
        var surface = Stemmer.KoreanStem(token.Text, token.Cuts);
        if (surface.Length >= 2 && surface != token.Stem)
        {
            terms.Add(surface);
        }
    }

    /// <summary>
    /// Finds concept names in the question, longest window first, so "서비스 어카운트" is one name and not
    /// "서비스" + noise. Spacing variants match because windows are joined without spaces; a Korean
    /// word may carry particles after the name. With <paramref name="typos"/>, a window containing an
    /// unknown word may also match a name within a small, length-scaled edit distance.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void FindNames(List<QueryToken> tokens, bool typos, List<NameHit> hits)
    {
        var i = 0;
        while (i < tokens.Count)
        {
            var matched = 0;
            for (var length = Math.Min(MaxWindow, tokens.Count - i); length >= 1 && matched == 0; length--)
            {
                if (MatchExact(tokens, i, length) is { } exact)
                {
                    hits.Add(new NameHit(exact, i, length, Exact: true));
                    matched = length;
                }
                else if (typos && length <= 3 && MatchTypo(tokens, i, length) is { } near)
                {
                    hits.Add(new NameHit(near, i, length, Exact: false));
                    matched = length;
                }
            }

            i += Math.Max(matched, 1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int? MatchExact(List<QueryToken> tokens, int start, int length)
    {
        Span<char> buffer = stackalloc char[128];
        var prefix = 0;
        for (var k = start; k < start + length - 1; k++)
        {
            var text = tokens[k].Text;
            if (text.Length < 2 && tokens[k].Script == Script.Latin)
            {
                // A lone letter is a fragment ("s", "a"), never part of a multi-word name.
                return null;
            }

            if (prefix + text.Length > buffer.Length)
            {
                return null;
            }

            text.CopyTo(buffer[prefix..]);
            prefix += text.Length;
        }

        var last = tokens[start + length - 1];
        if (prefix + last.Text.Length > buffer.Length)
        {
            return null;
        }

        var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        last.Text.CopyTo(buffer[prefix..]);
        if (lookup.TryGetValue(buffer[..(prefix + last.Text.Length)], out var concept))
        {
            return concept;
        }

        if (last.Script == Script.Latin && last.Stem.Length < last.Text.Length)
        {
            return lookup.TryGetValue(buffer[..(prefix + last.Stem.Length)], out concept) ? concept : null;
        }

        if (last.Script == Script.Hangul)
        {
            // The name may be followed by particles and endings in the same word: 크론잡이랑, 파드가.
            for (var k = last.Text.Length - 1; k >= 1; k--)
            {
                if ((last.Cuts & (1UL << k)) != 0 && lookup.TryGetValue(buffer[..(prefix + k)], out concept))
                {
                    return concept;
                }
            }
        }

        return null;
    }

    private int? MatchTypo(List<QueryToken> tokens, int start, int length)
    {
        var script = tokens[start].Script;
        var unknown = false;
        for (var k = start; k < start + length; k++)
        {
            var token = tokens[k];
            if ((length > 1 && token.Text.Length < 2) || token.Script != script || script == Script.Other || token.IsStop)
            {
                return null;
            }

            unknown |= !IsKnownWord(token.Stem) && !IsKnownWord(token.Text);
        }

        if (!unknown)
        {
            return null;
        }

        // The last word may end in particles, and the stemmer may cut a misspelt name too far ("클래임이" has
        // the stem "클래"): try the stem, then every longer cut, then the whole word.
        var head = string.Concat(tokens.Skip(start).Take(length - 1).Select(t => t.Text));
        var last = tokens[start + length - 1];
        var match = MatchTypo(head + last.Stem, script);
        for (var k = last.Stem.Length + 1; match is null && k <= last.Text.Length && k < 64; k++)
        {
            if (k == last.Text.Length || (last.Cuts & (1UL << k)) != 0)
            {
                match = MatchTypo(head + last.Text[..k], script);
            }
        }

        return match;
    }

    private int? MatchTypo(string joined, Script script)
    {
        Span<char> jamo = stackalloc char[256];
        var key = script == Script.Hangul ? jamo[..Hangul.Decompose(joined, jamo)] : joined.AsSpan();

        var bound = AllowedDistance(key.Length, script);
        if (bound == 0)
        {
            return null;
        }

        var best = -1;
        var bestDistance = bound + 1;
        var tie = false;
        foreach (var name in script == Script.Hangul ? _hangulNames : _latinNames)
        {
            if (name.Key[0] != key[0] || Math.Abs(name.Key.Length - key.Length) > bound || AllowedDistance(name.Key.Length, script) == 0)
            {
                continue;
            }

            var distance = EditDistance.Bounded(key, name.Key, bound);
            if (distance < bestDistance)
            {
                (best, bestDistance, tie) = (name.Concept, distance, false);
            }
            else if (distance == bestDistance && name.Concept != best)
            {
                tie = true;
            }
        }

        return best >= 0 && !tie ? best : null;
    }

    /// <summary>Short words are too close to each other to correct ("role"/"rule", "note"/"node").</summary>
    private static int AllowedDistance(int length, Script script) => script switch
    {
        Script.Latin => length >= 8 ? 2 : length >= 5 ? 1 : 0,
        Script.Hangul => length >= 14 ? 2 : length >= 6 ? 1 : 0,
        _ => 0,
    };

    private void AddNames(ConceptCard card, int concept)
    {
        Span<char> jamo = stackalloc char[256];
        var names = card.Ko.Names.Concat(card.En.Names).Append(card.Id)
            .Concat(card.Ko.Title.Split(['(', ')'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Concat(card.En.Title.Split(['(', ')'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var name in names)
        {
            var tokens = Tokenizer.Tokenize(name);
            if (tokens.Count == 0)
            {
                continue;
            }

            var key = Join(tokens);
            if (!_names.TryAdd(key, concept))
            {
                continue;
            }

            if (tokens.All(t => t.Script == Script.Latin))
            {
                _latinNames.Add(new NameKey(key, concept));
            }
            else if (tokens.All(t => t.Script == Script.Hangul))
            {
                _hangulNames.Add(new NameKey(new string(jamo[..Hangul.Decompose(key, jamo)]), concept));
            }
        }
    }

    private List<string> Analyse(string text)
    {
        var terms = new List<string>();
        AddTerms(Tokenizer.Tokenize(text, int.MaxValue, int.MaxValue), terms, _words);
        return terms;
    }

    /// <summary>Analyses a body field and records which other concepts it mentions by name.</summary>
    private List<string> Analyse(string text, int card, HashSet<int>[] mentionedBy, List<NameHit> hits)
    {
        var terms = new List<string>();
        var tokens = Tokenizer.Tokenize(text, int.MaxValue, int.MaxValue);
        AddTerms(tokens, terms, _words);
        hits.Clear();
        FindNames(tokens, typos: false, hits);
        foreach (var hit in hits)
        {
            if (hit.Concept != card)
            {
                mentionedBy[hit.Concept].Add(card);
            }
        }

        return terms;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddTerms(List<QueryToken> tokens, List<string> terms, HashSet<string> words)
    {
        foreach (var token in tokens)
        {
            words.Add(token.Text);
            words.Add(token.Stem);
            TermsOf(token, terms);
        }
    }

    private static string Join(List<QueryToken> tokens) => string.Concat(tokens.Select(t => t.Text));

    private static float Idf(int df, int n) => MathF.Log(1 + ((n - df + 0.5f) / (df + 0.5f)));

    private sealed record NameKey(string Key, int Concept);
}
