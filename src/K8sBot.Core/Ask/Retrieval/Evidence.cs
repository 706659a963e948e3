namespace K8sBot.Core.Ask.Retrieval;

/// <summary>
/// Tracks which content words of a question a card explains, weighted by rarity. A word no card
/// contains weighs as much as the rarest word, so "kafka partition" is mostly unexplained even
/// when some card mentions partitions: that is what makes declining honest.
/// </summary>
internal sealed class Evidence(AskIndex index, int capacity)
{
    private readonly List<(int Term, bool Whole)> _terms = new(capacity * 3);
    private readonly List<(int First, int Count, float Mass)> _tokens = new(capacity);
    private float _total;
    private float _residual;
    private float _known;
    private int _first;
    private bool _named;

    /// <summary>The share of content-word weight not covered by a concept name: high for scenario questions.</summary>
    public float ResidualShare => _residual + _known > 0 ? _residual / (_residual + _known) : 0;

    /// <summary>How many content words outside the concept names some card knows.</summary>
    public int ResidualWords { get; private set; }

    /// <summary>How many words of the question carry a topic (not stop words or cues).</summary>
    public int ContentWords => _tokens.Count;

    private bool _weak;

    public void BeginToken(bool named, bool weak)
    {
        _first = _terms.Count;
        _named = named;
        _weak = weak;
        _synonym = false;
    }

    public void AddTerm(int term, bool isWhole) => _terms.Add((term, isWhole));

    /// <summary>How many content words some card uses as written (not through <see cref="Synonyms"/>).</summary>
    public int DirectWords { get; private set; }

    private bool _synonym;

    /// <summary>The current word is known only through the thesaurus: it explains, but alone it makes no topic.</summary>
    public void MarkSynonym() => _synonym = true;

    public void EndToken()
    {
        var mass = 0f;
        for (var k = _first; k < _terms.Count; k++)
        {
            if (_terms[k].Term >= 0)
            {
                mass = Math.Max(mass, index.Idf(_terms[k].Term));
            }
        }

        // An unknown word explains nothing either way: it weighs against coverage, but it is not
        // evidence for some other card, so it does not dilute a concept the question names.
        var known = mass > 0;
        var factor = _weak && !known ? index.Settings.WeakUnknownFactor : 1;
        mass = (known ? mass : index.MaxIdf) * factor;
        DirectWords += known && !_synonym ? 1 : 0;
        if (known && !_named)
        {
            _residual += mass;
            ResidualWords++;
        }

        _tokens.Add((_first, _terms.Count - _first, mass));
        _total += mass;
        _known += _named ? mass : 0;
    }

    /// <summary>
    /// An unknown word that is most likely not an off-topic noun: a Korean verb, adjective or adverb form
    /// the stemmer did not reduce (올리려면, 띄워, 같은, 정확히), an English -ly adverb, or a number or time
    /// (2am). It counts for less.
    /// </summary>
    public static bool IsWeakWord(in QueryToken token)
    {
        var text = token.Text;
        if (token.Script == Script.Latin)
        {
            return text.AsSpan().ContainsAnyInRange('0', '9') || (text.Length > 4 && text.EndsWith("ly", StringComparison.Ordinal));
        }

        return token.Script == Script.Hangul && text.Length >= 2 && PredicateEndings.Contains(text[^1]);
    }

    /// <summary>Last syllables of Korean verb, adjective and adverb forms in chat: -어/-아/-워/-해, -려면, -게, -지, -는, -은, -히 …</summary>
    private const string PredicateEndings = "어아워와여해돼줘려져쳐면게지서요까니죠다는은나네래냐히야데";

    /// <summary>0..1: the rarity-weighted share of the question's content words found in the card.</summary>
    public float Coverage(int card)
    {
        if (_total <= 0)
        {
            return 0;
        }

        var covered = 0f;
        foreach (var (first, count, mass) in _tokens)
        {
            var whole = _terms[first];
            if (whole.Term >= 0 && index.Row(whole.Term)[card] > 0)
            {
                covered += mass;
                continue;
            }

            if (count <= 1)
            {
                continue;
            }

            var parts = 0;
            for (var k = first + 1; k < first + count; k++)
            {
                parts += _terms[k].Term >= 0 && index.Row(_terms[k].Term)[card] > 0 ? 1 : 0;
            }

            covered += mass * 0.8f * parts / (count - 1);
        }

        return covered / _total;
    }
}
