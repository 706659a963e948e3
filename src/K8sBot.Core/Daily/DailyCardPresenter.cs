using System.Globalization;
using K8sBot.Core.Content;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Daily;

/// <summary>The daily card and the weekly digest as neutral replies.</summary>
internal sealed class DailyCardPresenter(ContentCatalog catalog, CardPresenter cards)
{
    private static readonly LocalizedText Today = new("오늘의 쿠버네티스 개념 ({0}/{1})", "Today's Kubernetes concept ({0}/{1})");
    private static readonly LocalizedText DigestTitle = new("지난주 학습 요약", "Last week in review");
    private static readonly LocalizedText Leaders = new("지난주 순위 Top 5", "Last week's top 5");
    private static readonly LocalizedText Worst = new("복습하면 좋을 개념", "Concepts worth a review");
    private static readonly LocalizedText NoData = new("아직 데이터가 없어요. 카드의 **퀴즈 풀기** 버튼으로 시작해 보세요!", "No data yet. Start with the **Quiz me** button on a card!");
    private static readonly LocalizedText Points = new("{0}점", "{0} pts");
    private static readonly LocalizedText ReviewLabel = new("복습: {0}", "Review: {0}");

    public Reply Card(ConceptCard card, Lang lang, int shownBefore)
    {
        var reply = cards.Card(card, lang);
        var blocks = new List<Block>(reply.Blocks);
        var header = Today.Format(lang, shownBefore + 1, catalog.Concepts.Count);
        blocks.Insert(0, new ContextBlock(header));
        if (card.Example is { } example)
        {
            var code = example.Manifest is { Length: > 0 } manifest ? new CodeBlock(manifest.TrimEnd(), "yaml")
                : example.Commands.Count > 0 ? new CodeBlock(string.Join('\n', example.Commands), "sh") : null;
            if (code is not null)
            {
                // Before the docs link and buttons, which the presenter always puts last.
                blocks.Insert(blocks.Count - 2, code);
            }
        }

        return reply with { Blocks = blocks, Fallback = $"{header} · {reply.Fallback}" };
    }

    public Reply Digest(Lang lang, IReadOnlyList<DigestLeader> leaders, IReadOnlyList<string> worstConceptIds)
    {
        var blocks = new List<Block> { new TitleBlock(DigestTitle.For(lang)) };
        var worst = worstConceptIds.Select(catalog.Find).OfType<ConceptCard>().Take(3).ToList();
        if (leaders.Count == 0 && worst.Count == 0)
        {
            blocks.Add(new MarkdownBlock(NoData.For(lang)));
            return new Reply { Blocks = blocks, Fallback = $"{DigestTitle.For(lang)}: {PlainText.FromMarkdown(NoData.For(lang))}" };
        }

        if (leaders.Count > 0)
        {
            var lines = leaders.Take(5).Select((l, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {UserText.Escape(l.DisplayName)} · {Points.Format(lang, l.Points)}"));
            blocks.Add(new FieldsBlock([new Field(Leaders.For(lang), string.Join('\n', lines))]));
        }

        if (worst.Count > 0)
        {
            blocks.Add(new MarkdownBlock($"**{Worst.For(lang)}**\n" + string.Join('\n', worst.Select(c => $"- {CardPresenter.ShortTitle(c, lang)}"))));
            blocks.Add(new ButtonsBlock([.. worst.Select(c => new Button(CardActions.QuizMe, c.Id, ReviewLabel.Format(lang, CardPresenter.ShortTitle(c, lang))))]));
        }

        return new Reply { Blocks = blocks, Fallback = DigestTitle.For(lang) };
    }
}
