using K8sBot.Core.Ask.Retrieval;
using K8sBot.Core.Content;
using K8sBot.Core.Localization;

namespace K8sBot.Core.Ask;

/// <summary>
/// Answers questions from the concept cards: names (with particles, spacing variants and typos)
/// plus BM25F retrieval over the cards' fields, with Korean character bigrams. See docs/ask.md.
/// The index is built once; <see cref="Answer"/> only reads it, so one instance serves all threads.
/// </summary>
public sealed class CatalogAskEngine : IAskEngine
{
    private const int MaxConcepts = 4;
    private const int MaxStackCards = 256;

    private readonly AskIndex _index;

    public CatalogAskEngine(ContentCatalog catalog)
        : this(catalog, RetrievalSettings.Default)
    {
    }

    internal CatalogAskEngine(ContentCatalog catalog, RetrievalSettings settings) => _index = new AskIndex(catalog, settings);

    public AskAnswer Answer(string question, Lang lang)
    {
        ArgumentNullException.ThrowIfNull(question);
        var tokens = Tokenizer.Tokenize(question);
        if (tokens.Count == 0 || _index.Count == 0)
        {
            return AskAnswer.Decline;
        }

        var comparison = false;
        var example = false;
        foreach (var token in tokens)
        {
            comparison |= token.Has(WordRole.ComparisonCue);
            example |= token.Has(WordRole.ExampleCue);
        }

        var hits = new List<NameHit>(4);
        _index.FindNames(tokens, typos: true, hits);
        RemoveSwallowedNames(tokens, hits);

        var n = _index.Count;
        var scores = n <= MaxStackCards ? stackalloc float[n] : new float[n];
        var residual = n <= MaxStackCards ? stackalloc float[n] : new float[n];
        var named = tokens.Count <= 64 ? stackalloc bool[tokens.Count] : new bool[tokens.Count];
        foreach (var hit in hits)
        {
            named.Slice(hit.Start, hit.Length).Fill(true);
        }

        // With no concept named, a foreign technology (terraform, redis, git) is what the question is about: no card
        // explains it, so it is not scored and counts as an unexplained word.
        var distinct = DistinctConcepts(hits);
        var foreign = tokens.Count <= 64 ? stackalloc bool[tokens.Count] : new bool[tokens.Count];
        var anyForeign = distinct.Count == 0 && ForeignTopics.Mark(tokens, foreign);
        var evidence = new Evidence(_index, tokens.Count);
        var definition = Score(tokens, named, foreign, scores, residual, evidence);

        var settings = _index.Settings;

        Span<int> top = stackalloc int[MaxConcepts];
        if (comparison && distinct.Count >= 2 && !RestPointsElsewhere(distinct, residual, settings.RestScore))
        {
            var pair = new List<string>(MaxConcepts) { _index.Ids[distinct[0].Concept], _index.Ids[distinct[1].Concept] };
            AppendRest(pair, top[..Top(scores, top)]);
            return new AskAnswer(AskOutcome.Comparison, pair, 0.9) { WantsExample = example };
        }

        if (distinct.Count > 0 && ForeignOwnsNames(tokens, hits))
        {
            return AskAnswer.Decline;
        }

        if (distinct.Count > 0)
        {
            var defined = DefinedConcept(tokens, hits);
            return defined < 0 && definition && DefinesUnknownCompound(tokens, hits)
                ? AskAnswer.Decline
                : AnswerNamed(distinct, defined, scores, residual, evidence, example);
        }

        // Nothing named: the cards' words must explain the question well, or we decline. A short
        // "what is X" whose X is no concept asks for a definition no card has (kafka, terraform).
        // Ranking adds each card's best single passage; the decisions below keep using the BM25F score they were tuned on.
        var rank = n <= MaxStackCards ? stackalloc float[n] : new float[n];
        RankWithPassages(tokens, named, foreign, scores, rank);
        var count = Top(rank, top);
        // Everyday words known only through the thesaurus ("토요일에 뭐 할까", "오후에 회의 있어요") explain a question that
        // also uses the cards' own words; alone they are small talk, not a Kubernetes topic.
        if (count == 0 || evidence.DirectWords == 0 || (definition && evidence.ContentWords <= 2))
        {
            return AskAnswer.Decline;
        }

        // A foreign product first is the topic ("git에서 커밋 합치는 법"), unless a long question goes on to give strong
        // Kubernetes evidence ("스프링부트 앱이 뜨기도 전에 죽었다 살아나 ... 재시작 루프 어떻게 막아").
        var best = top[0];
        var strong = scores[best] >= settings.StrongScore;
        var subject = anyForeign ? ForeignSubject(tokens, foreign) : -1;
        if (subject >= 0 && !(strong && (evidence.ContentWords >= settings.LongQuestionWords
            || (ForeignTopics.IsWorkload(tokens, subject) && evidence.Coverage(best) >= settings.MinCoverage))))
        {
            return AskAnswer.Decline;
        }

        // A foreign product anywhere ("how do I write a multi-stage dockerfile") asks for strong evidence.
        if (anyForeign && !strong)
        {
            return AskAnswer.Decline;
        }

        var coverage = evidence.Coverage(best);
        // A card that many of the words point to (a high score) is strong evidence even when some words are unknown
        // ("cleanup task every Sunday at midnight"); out-of-scope questions rarely score that high.
        var minCoverage = strong ? settings.StrongMinCoverage : settings.MinCoverage;
        if (scores[best] < settings.MinScore || coverage < minCoverage)
        {
            return AskAnswer.Decline;
        }

        var margin = count > 1 ? (scores[best] - scores[top[1]]) / scores[best] : 1f;
        var confidence = Math.Clamp(0.25 + (0.5 * coverage) + (0.4 * margin), 0, 0.9);
        var concepts = new List<string>(MaxConcepts);
        AppendRest(concepts, top[..count]);
        return new AskAnswer(AskOutcome.Card, concepts, Math.Round(confidence, 2)) { WantsExample = example };
    }

    /// <summary>
    /// The question names concepts. If the other words alone would not make a confident answer, the
    /// question is about a named concept: the most specific one, earlier mentions first. If they
    /// would ("give my pods a stable IP"), it is a scenario: names only add a bonus to the retrieval
    /// score, scaled by how specific they are, so a passing "pod" does not beat the real answer.
    /// </summary>
    private AskAnswer AnswerNamed(List<(int Concept, bool Exact)> distinct, int defined, Span<float> scores, ReadOnlySpan<float> residual, Evidence evidence, bool example)
    {
        var settings = _index.Settings;
        var generic = AllGeneric(distinct);
        var strongRest = defined < 0
            && evidence.ResidualWords >= (generic ? settings.GenericMinRestWords : settings.MinRestWords)
            && RestPointsElsewhere(distinct, residual, generic ? settings.GenericRestScore : settings.RestScore);
        Span<float> preference = stackalloc float[distinct.Count];
        for (var r = 0; r < distinct.Count; r++)
        {
            var (concept, exact) = distinct[r];
            preference[r] = concept == defined
                ? float.MaxValue
                : _index.Specificity(concept) * (1 - (settings.LaterNameDiscount * Math.Min(r, 3))) * (exact ? 1 : settings.TypoFactor);
            scores[concept] += settings.NameBonus * Math.Min(preference[r], 1f);
        }

        var concepts = new List<string>(MaxConcepts);
        Span<int> top = stackalloc int[MaxConcepts];
        var count = Top(scores, top);
        if (!strongRest)
        {
            var order = Enumerable.Range(0, distinct.Count).ToArray();
            var keys = preference.ToArray();
            Array.Sort(keys, order);
            for (var k = order.Length - 1; k >= 0 && concepts.Count < MaxConcepts; k--)
            {
                concepts.Add(_index.Ids[distinct[order[k]].Concept]);
            }

            AppendRest(concepts, top[..count]);
            return new AskAnswer(AskOutcome.Card, concepts, distinct[order[^1]].Exact ? 0.95 : 0.7) { WantsExample = example };
        }

        AppendRest(concepts, top[..count]);
        var best = top[0];
        var namedBest = distinct.FindIndex(d => d.Concept == best);
        var confidence = namedBest >= 0 ? (distinct[namedBest].Exact ? 0.9 : 0.7) : Math.Clamp(0.3 + (0.5 * evidence.Coverage(best)), 0, 0.85);
        return new AskAnswer(AskOutcome.Card, concepts, Math.Round(confidence, 2)) { WantsExample = example };
    }

    /// <summary>
    /// The concept a "what is" clause is about: a Korean name followed by (or ending in) a definition
    /// ending ("볼륨이 뭐야", "파드란"), or an English name right after "what is/are" with only function
    /// words between ("what's a PDB"). Words after that clause are a follow-up, not a scenario. -1 if none.
    /// </summary>
    private static int DefinedConcept(List<QueryToken> tokens, List<NameHit> hits)
    {
        foreach (var hit in hits)
        {
            var end = hit.Start + hit.Length;
            // A cue right after the name ("볼륨이 뭐야") is Korean word order; an English "what" after a name starts a new
            // clause ("...create deployments, what identity does it run as?").
            if (tokens[end - 1].Has(WordRole.DefinitionCue) || (end < tokens.Count && tokens[end].Has(WordRole.DefinitionCue) && tokens[end].Script == Script.Hangul))
            {
                return hit.Concept;
            }

            for (var k = hit.Start - 1; k >= 0 && k >= hit.Start - 4; k--)
            {
                if (tokens[k].Has(WordRole.DefinitionCue))
                {
                    return hit.Concept;
                }

                if (!tokens[k].IsStop)
                {
                    break;
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// "이스티오 서비스 메쉬가 뭐야", "what is a service mesh": the thing to define is a compound whose head (the
    /// last noun) no card knows, and the concept name only modifies it. No card defines that thing.
    /// </summary>
    private bool DefinesUnknownCompound(List<QueryToken> tokens, List<NameHit> hits)
    {
        foreach (var hit in hits)
        {
            var end = hit.Start + hit.Length;
            if (end >= tokens.Count || tokens[end - 1].Stem.Length != tokens[end - 1].Text.Length)
            {
                continue;
            }

            var head = tokens[end];
            var defines = head.Has(WordRole.DefinitionCue) || (end + 1 < tokens.Count && tokens[end + 1].Has(WordRole.DefinitionCue)) || end + 1 == tokens.Count;
            if (defines && head.IsContent && !Evidence.IsWeakWord(head) && !_index.IsKnownWord(head.Stem) && _index.TermId(head.Stem) < 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The words outside the names point to another card: they alone score at least
    /// <see cref="RetrievalSettings.RestScore"/>, for a concept the question does not name. Then the
    /// names are incidental ("two pods on different nodes for high availability" is about affinity).
    /// </summary>
    private static bool RestPointsElsewhere(List<(int Concept, bool Exact)> distinct, ReadOnlySpan<float> residual, float threshold)
    {
        var restBest = ArgMax(residual);
        return residual[restBest] >= threshold && distinct.FindIndex(d => d.Concept == restBest) < 0;
    }

    /// <summary>
    /// Names that nearly every card mentions (pod, node) say little about what is asked ("한 파드가 노드 CPU를 다 먹어요"),
    /// so less evidence from the other words makes it a scenario.
    /// </summary>
    private bool AllGeneric(List<(int Concept, bool Exact)> distinct)
    {
        foreach (var (concept, _) in distinct)
        {
            if (_index.Specificity(concept) >= _index.Settings.GenericSpecificity)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// "깃헙 액션에서 secret 쓰는 법", "docker compose volume", "tune the heap of a java service": every name is a word other
    /// tools use, a foreign product comes right before it, and nothing puts the question on Kubernetes. The question is
    /// about that product's thing.
    /// </summary>
    private static bool ForeignOwnsNames(List<QueryToken> tokens, List<NameHit> hits)
    {
        foreach (var hit in hits)
        {
            if (!ForeignTopics.IsSharedWord(tokens, hit))
            {
                return false;
            }
        }

        Span<bool> foreign = tokens.Count <= 64 ? stackalloc bool[tokens.Count] : new bool[tokens.Count];
        if (!ForeignTopics.Mark(tokens, foreign))
        {
            return false;
        }

        // The product must own the name: one of the three content words before it ("postgres ... with their own volumes"
        // is a database on Kubernetes, "깃헙 액션에서 secret" is GitHub's).
        // "secrets in github actions", "rotate secrets in AWS Secrets Manager": the product right after "in".
        foreach (var hit in hits)
        {
            var after = hit.Start + hit.Length;
            if (after < tokens.Count && ForeignTopics.IsInside(tokens[after]) && foreign[(after + 1)..Math.Min(tokens.Count, after + 4)].Contains(true))
            {
                return true;
            }
        }

        var seen = 0;
        for (var k = hits[0].Start - 1; k >= 0 && seen < 3; k--)
        {
            // A product name is a content word even when the stemmer reads it as an ending ("지라"). "ecr 이미지 pull용
            // secret", "windows 노드": a registry or an OS is what the Kubernetes object is for.
            if (foreign[k] && !ForeignTopics.IsNeighbour(tokens, k))
            {
                return true;
            }

            if (foreign[k] || tokens[k].IsContent)
            {
                seen++;
            }
        }

        // Further away, only a tool (not a workload people run on Kubernetes, not a registry or OS next to the object, not
        // git, whose commit sha is metadata people attach to objects) still claims a word every tool has: "how do I label
        // issues automatically in GitHub", "insert a node into a linked list in python", "Splunk query per service".
        for (var k = 0; k < tokens.Count; k++)
        {
            if (foreign[k] && !ForeignTopics.IsWorkload(tokens, k) && !ForeignTopics.IsNeighbour(tokens, k) && !ForeignTopics.IsMetadata(tokens[k]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A longer foreign name wins over a concept word inside it, as "서비스 어카운트" wins over "서비스": "service mesh",
    /// "istio virtual service" and "node js" are not Service or Node, whatever the context. "The role of" is no Role.
    /// </summary>
    private static void RemoveSwallowedNames(List<QueryToken> tokens, List<NameHit> hits)
    {
        hits.RemoveAll(hit => ForeignTopics.IsDutyNoun(tokens, hit));
        if (hits.Count == 0)
        {
            return;
        }

        Span<bool> foreign = tokens.Count <= 64 ? stackalloc bool[tokens.Count] : new bool[tokens.Count];
        if (!ForeignTopics.Mark(tokens, foreign, ignoreContext: true))
        {
            return;
        }

        for (var h = hits.Count - 1; h >= 0; h--)
        {
            if (!foreign.Slice(hits[h].Start, hits[h].Length).Contains(false))
            {
                hits.RemoveAt(h);
            }
        }
    }

    /// <summary>
    /// A foreign technology among the first two content words, else -1: the topic usually comes first ("git에서 커밋 합치는
    /// 법"), sometimes after a verb ("how to set up a PagerDuty schedule").
    /// </summary>
    private static int ForeignSubject(List<QueryToken> tokens, ReadOnlySpan<bool> foreign)
    {
        var seen = 0;
        for (var i = 0; i < tokens.Count && seen < 2; i++)
        {
            if (foreign[i])
            {
                return i;
            }

            if (tokens[i].IsContent)
            {
                seen++;
            }
        }

        return -1;
    }

    /// <summary>Adds every content word's BM25F weights; returns whether the question asks "what is".</summary>
    private bool Score(List<QueryToken> tokens, ReadOnlySpan<bool> named, ReadOnlySpan<bool> foreign, Span<float> scores, Span<float> residual, Evidence evidence)
    {
        var settings = _index.Settings;
        var terms = new List<string>(8);
        var definition = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            definition |= tokens[i].Has(WordRole.DefinitionCue);
            terms.Clear();
            AskIndex.TermsOf(tokens[i], terms);
            if (terms.Count == 0)
            {
                continue;
            }

            evidence.BeginToken(named[i], Evidence.IsWeakWord(tokens[i]));
            if (foreign[i])
            {
                evidence.AddTerm(-1, isWhole: true);
                evidence.EndToken();
                continue;
            }

            // A word no card uses may be everyday vocabulary for one they do ("cleanup", "비번"): it stands for those terms.
            var synonyms = named[i] || _index.TermId(terms[0]) >= 0 ? [] : _index.SynonymTerms(terms[0]);
            if (synonyms.Length > 0)
            {
                evidence.MarkSynonym();
                for (var j = 0; j < synonyms.Length; j++)
                {
                    evidence.AddTerm(synonyms[j], isWhole: j == 0);
                    Add(_index.Row(synonyms[j]), j == 0 ? 1f : settings.SynonymWeight, named[i], scores, residual);
                }

                evidence.EndToken();
                continue;
            }

            for (var j = 0; j < terms.Count; j++)
            {
                var id = _index.TermId(terms[j]);
                evidence.AddTerm(id, isWhole: j == 0);
                if (id < 0)
                {
                    continue;
                }

                var weight = j == 0 ? 1f : settings.BigramWeight;
                var row = _index.Row(id);
                for (var c = 0; c < row.Length; c++)
                {
                    scores[c] += row[c] * weight;
                    residual[c] += named[i] ? 0 : row[c] * weight;
                }
            }

            evidence.EndToken();
        }

        return definition;
    }

    /// <summary>
    /// The order cards are ranked in: BM25F plus <see cref="RetrievalSettings.PassageWeight"/> times each card's best
    /// single passage, scored as matched rarity squared over the passage's rarity, so a line matched almost whole counts
    /// more than scattered words. Named and foreign words are left out: names have their own bonus.
    /// </summary>
    private void RankWithPassages(List<QueryToken> tokens, ReadOnlySpan<bool> named, ReadOnlySpan<bool> foreign, ReadOnlySpan<float> scores, Span<float> rank)
    {
        // rank first holds each card's best passage, then the final order.
        rank.Clear();
        var count = _index.PassageCount;
        var overlap = count <= 4096 ? stackalloc float[count] : new float[count];
        overlap.Clear();
        Span<int> seen = stackalloc int[Math.Min(tokens.Count, 64)];
        var seenCount = 0;
        for (var i = 0; i < tokens.Count && seenCount < seen.Length; i++)
        {
            if (!tokens[i].IsContent || named[i] || foreign[i])
            {
                continue;
            }

            var id = _index.TermId(tokens[i].Stem);
            if (id < 0 || seen[..seenCount].Contains(id))
            {
                continue;
            }

            seen[seenCount++] = id;
            var idf = _index.Idf(id);
            foreach (var passage in _index.PassagesOf(id))
            {
                overlap[passage] += idf;
            }
        }

        for (var p = 0; p < count; p++)
        {
            if (overlap[p] > 0)
            {
                var card = _index.PassageCard(p);
                rank[card] = Math.Max(rank[card], overlap[p] * overlap[p] / _index.PassageMass(p));
            }
        }

        var weight = _index.Settings.PassageWeight;
        for (var c = 0; c < rank.Length; c++)
        {
            rank[c] = scores[c] + (weight * rank[c]);
        }
    }

    private static void Add(ReadOnlySpan<float> row, float weight, bool named, Span<float> scores, Span<float> residual)
    {
        for (var c = 0; c < row.Length; c++)
        {
            scores[c] += row[c] * weight;
            residual[c] += named ? 0 : row[c] * weight;
        }
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            best = values[i] > values[best] ? i : best;
        }

        return best;
    }

    /// <summary>Why the engine answered as it did: the tokens, names found and best cards with their scores.</summary>
    internal string Explain(string question)
    {
        var tokens = Tokenizer.Tokenize(question);
        var hits = new List<NameHit>();
        _index.FindNames(tokens, typos: true, hits);
        RemoveSwallowedNames(tokens, hits);
        var lines = new List<string>
        {
            "tokens: " + string.Join(" ", tokens.Select(t => t.IsStop ? $"({t.Text})" : $"{t.Text}/{t.Stem}")),
            "names: " + string.Join(" ", hits.Select(h => $"{_index.Ids[h.Concept]}@{h.Start}{(h.Exact ? string.Empty : "~")} spec={_index.Specificity(h.Concept):0.00}")),
        };
        var evidence = new Evidence(_index, tokens.Count);
        var scores = new float[_index.Count];
        var residual = new float[_index.Count];
        var named = new bool[tokens.Count];
        foreach (var hit in hits)
        {
            named.AsSpan(hit.Start, hit.Length).Fill(true);
        }

        var definition = Score(tokens, named, new bool[tokens.Count], scores, residual, evidence);
        var rest = Enumerable.Range(0, residual.Length).OrderByDescending(c => residual[c]).First();
        lines.Add($"definition={definition} rest={_index.Ids[rest]}:{residual[rest]:0.00}");
        var best = Enumerable.Range(0, scores.Length).OrderByDescending(c => scores[c]).Take(4).ToArray();
        lines.AddRange(best.Select(c => $"  {_index.Ids[c]} bm25={scores[c]:0.00} rest={residual[c]:0.00} coverage={evidence.Coverage(c):0.00}"));
        var terms = new List<string>();
        foreach (var token in tokens)
        {
            terms.Clear();
            AskIndex.TermsOf(token, terms);
            foreach (var term in terms)
            {
                var id = _index.TermId(term);
                lines.Add(id < 0
                    ? $"    {term}: unknown"
                    : $"    {term}: idf={_index.Idf(id):0.00} " + string.Join(" ", best.Select(c => $"{_index.Ids[c]}={_index.Row(id)[c]:0.00}")));
            }
        }

        return string.Join('\n', lines);
    }

    private void AppendRest(List<string> concepts, ReadOnlySpan<int> ranked)
    {
        foreach (var c in ranked)
        {
            if (concepts.Count < MaxConcepts && !concepts.Contains(_index.Ids[c]))
            {
                concepts.Add(_index.Ids[c]);
            }
        }
    }

    private static List<(int Concept, bool Exact)> DistinctConcepts(List<NameHit> hits)
    {
        var distinct = new List<(int Concept, bool Exact)>(hits.Count);
        foreach (var hit in hits)
        {
            var index = distinct.FindIndex(d => d.Concept == hit.Concept);
            if (index < 0)
            {
                distinct.Add((hit.Concept, hit.Exact));
            }
            else if (hit.Exact)
            {
                distinct[index] = (hit.Concept, true);
            }
        }

        return distinct;
    }

    /// <summary>The best few cards by score; weak tails (under a quarter of the best) are not worth suggesting.</summary>
    private static int Top(ReadOnlySpan<float> scores, Span<int> top)
    {
        var count = 0;
        for (var c = 0; c < scores.Length; c++)
        {
            if (scores[c] <= 0)
            {
                continue;
            }

            var position = count;
            while (position > 0 && scores[top[position - 1]] < scores[c])
            {
                position--;
            }

            if (position >= top.Length)
            {
                continue;
            }

            for (var k = Math.Min(count, top.Length - 1); k > position; k--)
            {
                top[k] = top[k - 1];
            }

            top[position] = c;
            count = Math.Min(count + 1, top.Length);
        }

        var cut = count;
        for (var k = 1; k < count; k++)
        {
            if (scores[top[k]] < scores[top[0]] * 0.25f)
            {
                cut = k;
                break;
            }
        }

        return cut;
    }
}
