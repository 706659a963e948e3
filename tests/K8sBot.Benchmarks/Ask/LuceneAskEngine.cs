using K8sBot.Core.Ask;
using K8sBot.Core.Content;
using K8sBot.Core.Localization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace K8sBot.Benchmarks.Ask;

/// <summary>
/// The alternative measured in docs/ask.md: one Lucene document per card, the same fields and
/// field weights as the BM25F engine, Lucene's BM25 and an off-the-shelf analyzer (CJK bigrams or
/// Standard). Declines below a score threshold; comparison when a cue word is present.
/// </summary>
internal sealed class LuceneAskEngine : IAskEngine, IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private static readonly string[] ComparisonCues = ["vs", "versus", "difference", "differ", "compare", " or ", "차이", "비교", "다른", "달라"];

    private readonly Analyzer _analyzer;
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly (string Field, float Boost)[] _fields =
    [
        ("names", 3.0f), ("title", 2.0f), ("keywords", 2.5f), ("usewhen", 1.6f), ("definition", 1.2f), ("keypoints", 0.7f), ("mistakes", 0.4f),
    ];

    public LuceneAskEngine(ContentCatalog catalog, Analyzer analyzer)
    {
        _analyzer = analyzer;
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var card in catalog.Concepts)
            {
                var doc = new Document { new StringField("id", card.Id, Field.Store.YES) };
                foreach (var text in new[] { card.Ko, card.En })
                {
                    doc.Add(new TextField("names", string.Join(" ; ", text.Names), Field.Store.NO));
                    doc.Add(new TextField("title", text.Title, Field.Store.NO));
                    doc.Add(new TextField("keywords", string.Join(" ; ", text.Keywords), Field.Store.NO));
                    doc.Add(new TextField("usewhen", string.Join(" ; ", text.UseWhen), Field.Store.NO));
                    doc.Add(new TextField("definition", text.Definition, Field.Store.NO));
                    doc.Add(new TextField("keypoints", string.Join(" ; ", text.KeyPoints), Field.Store.NO));
                    doc.Add(new TextField("mistakes", string.Join(" ; ", text.Mistakes), Field.Store.NO));
                }

                writer.AddDocument(doc);
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>Top score below this declines; calibrated on the evaluation set by the comparison runner.</summary>
    public float Threshold { get; set; }

    public AskAnswer Answer(string question, Lang lang)
    {
        var (ids, scores) = Search(question);
        if (ids.Count == 0 || scores[0] < Threshold)
        {
            return AskAnswer.Decline;
        }

        var lower = question.ToLowerInvariant();
        var comparison = ids.Count >= 2 && ComparisonCues.Any(c => lower.Contains(c, StringComparison.Ordinal));
        var wantsExample = lower.Contains("yaml", StringComparison.Ordinal) || lower.Contains("example", StringComparison.Ordinal) || lower.Contains("예시", StringComparison.Ordinal);
        return new AskAnswer(comparison ? AskOutcome.Comparison : AskOutcome.Card, ids, 0.5) { WantsExample = wantsExample };
    }

    public (List<string> Ids, List<float> Scores) Search(string question)
    {
        var query = new BooleanQuery();
        var clauses = 0;
        foreach (var (field, boost) in _fields)
        {
            foreach (var term in Analyse(field, question))
            {
                if (clauses++ < BooleanQuery.MaxClauseCount)
                {
                    query.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
                }
            }
        }

        var ids = new List<string>(4);
        var scores = new List<float>(4);
        if (clauses == 0)
        {
            return (ids, scores);
        }

        foreach (var hit in _searcher.Search(query, 4).ScoreDocs)
        {
            ids.Add(_searcher.Doc(hit.Doc).Get("id"));
            scores.Add(hit.Score);
        }

        return (ids, scores);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private List<string> Analyse(string field, string text)
    {
        var terms = new List<string>();
        using var stream = _analyzer.GetTokenStream(field, new StringReader(text.Length > 600 ? text[..600] : text));
        var attribute = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(attribute.ToString());
        }

        stream.End();
        return terms;
    }
}
