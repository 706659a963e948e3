using K8sBot.Core.Content;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Ask;

/// <summary>Turns an <see cref="AskAnswer"/> into a reply: a card, a comparison or a friendly decline.</summary>
public sealed class AskReplyBuilder(ContentCatalog catalog, CardPresenter cards)
{
    private static readonly LocalizedText DidYouMean = new("혹시 이걸 찾으셨나요?", "Did you mean");
    private static readonly LocalizedText DeclineText = new(
        "그 질문은 제가 아는 쿠버네티스 범위 밖이라 정확히 답하기 어려워요. 🙏 대신 이런 건 알려 드릴 수 있어요:",
        "That's outside the Kubernetes topics I can answer reliably. 🙏 Here's what I can teach instead:");
    private static readonly LocalizedText EmptyQuestion = new(
        "무엇이 궁금하신가요? 예: `데몬셋이 뭐야?`, `Deployment vs ReplicaSet`",
        "What would you like to know? For example: `what is a DaemonSet?`, `Deployment vs ReplicaSet`");

    public Reply Build(string question, AskAnswer answer, Lang lang)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (string.IsNullOrWhiteSpace(question))
        {
            return Reply.Text(EmptyQuestion.For(lang), ReplyKind.Info, ReplyVisibility.Private);
        }

        var concepts = answer.Concepts.Select(catalog.Find).OfType<ConceptCard>().ToList();
        if (answer.Outcome == AskOutcome.Decline || concepts.Count == 0)
        {
            return Decline(question, lang);
        }

        if (answer.Outcome == AskOutcome.Comparison && concepts.Count >= 2)
        {
            return Compare(concepts, lang);
        }

        var reply = cards.Card(concepts[0], lang, answer.WantsExample ? CardDetail.Full : CardDetail.Short);
        if (answer.Confidence < AskAnswer.LowConfidence && concepts.Count > 1)
        {
            var others = string.Join(", ", concepts.Skip(1).Take(3).Select(c => $"`{CardPresenter.ShortTitle(c, lang)}`"));
            reply = reply with { Blocks = [.. reply.Blocks.Take(reply.Blocks.Count - 1), new ContextBlock($"{DidYouMean.For(lang)} {others}"), reply.Blocks[^1]] };
        }

        return reply;
    }

    public Reply Decline(string question, Lang lang)
    {
        // Suggest the start of the curriculum: what a newcomer most likely needs.
        var suggestions = catalog.Concepts.Take(3).ToList();
        var list = string.Join(", ", suggestions.Select(c => $"`{CardPresenter.ShortTitle(c, lang)}`"));
        var quoted = UserText.Escape(question, 80);
        var buttons = suggestions.Select(c => new Button(CardActions.Show, c.Id, CardPresenter.ShortTitle(c, lang))).ToList();
        var heading = lang == Lang.Ko ? $"> {quoted}" : $"> {quoted}";
        return new Reply
        {
            Blocks = [new MarkdownBlock($"{heading}\n{DeclineText.For(lang)} {list}"), new ButtonsBlock(buttons)],
            Fallback = $"{PlainText.FromMarkdown(DeclineText.For(lang))} {PlainText.FromMarkdown(list)}",
            Kind = ReplyKind.Info,
        };
    }

    private Reply Compare(IReadOnlyList<ConceptCard> concepts, Lang lang)
    {
        var pair = concepts.Take(3).ToList();
        var comparison = catalog.FindComparison(pair.Select(c => c.Id).ToList())
            ?? catalog.FindComparison(pair.Take(2).Select(c => c.Id).ToList());
        var blocks = new List<Block>();
        string fallback;
        if (comparison is not null)
        {
            var text = comparison.Text(lang);
            blocks.Add(new TitleBlock(text.Title));
            blocks.Add(new MarkdownBlock(text.Summary));
            blocks.Add(new MarkdownBlock(string.Join('\n', text.Points.Select(p => $"- {p}"))));
            fallback = $"{text.Title}: {PlainText.FromMarkdown(text.Summary)}";
        }
        else
        {
            var titles = pair.Take(2).Select(c => CardPresenter.ShortTitle(c, lang)).ToList();
            blocks.Add(new TitleBlock(string.Join(" vs ", titles)));
            fallback = string.Join(" vs ", titles);
        }

        blocks.Add(new FieldsBlock([.. pair.Take(2).Select(c => new Field(c.Text(lang).Title, c.Text(lang).Definition, Inline: true))]));
        blocks.Add(new ButtonsBlock([.. pair.Take(3).Select(c => new Button(CardActions.Show, c.Id, CardPresenter.ShortTitle(c, lang)))]));
        return new Reply { Blocks = blocks, Fallback = fallback, Accent = pair[0].Category.Slug() };
    }
}
