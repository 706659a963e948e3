using System.Text;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Content;

/// <summary>Turns a concept card into a neutral reply. Used by card, ask and daily alike.</summary>
public sealed class CardPresenter(ContentCatalog catalog)
{
    private static readonly LocalizedText QuizMe = new("퀴즈 풀기", "Quiz me");
    private static readonly LocalizedText More = new("자세히", "More");
    private static readonly LocalizedText Related = new("관련 개념", "Related");
    private static readonly LocalizedText UseWhen = new("이럴 때 쓰세요", "Use it when");
    private static readonly LocalizedText AvoidWhen = new("이럴 땐 피하세요", "Avoid it when");
    private static readonly LocalizedText Mistakes = new("자주 하는 실수", "Common mistakes");
    private static readonly LocalizedText Docs = new("공식 문서", "Official docs");
    private static readonly LocalizedText Commands = new("자주 쓰는 명령", "Commands");

    public Reply Card(ConceptCard card, Lang lang, CardDetail detail = CardDetail.Short)
    {
        ArgumentNullException.ThrowIfNull(card);
        var text = card.Text(lang);
        var blocks = new List<Block>
        {
            new TitleBlock(text.Title, card.Docs.ToString()),
            new MarkdownBlock(text.Definition),
            new MarkdownBlock(Bullets(text.KeyPoints)),
        };

        if (detail == CardDetail.Full)
        {
            var fields = new List<Field>();
            AddField(fields, UseWhen.For(lang), text.UseWhen);
            AddField(fields, AvoidWhen.For(lang), text.AvoidWhen);
            AddField(fields, Mistakes.For(lang), text.Mistakes);
            if (fields.Count > 0)
            {
                blocks.Add(new FieldsBlock(fields));
            }

            if (card.Example?.Manifest is { } manifest)
            {
                blocks.Add(new CodeBlock(manifest.TrimEnd(), "yaml"));
            }

            if (card.Example is { Commands.Count: > 0 } example)
            {
                blocks.Add(new MarkdownBlock($"**{Commands.For(lang)}**"));
                blocks.Add(new CodeBlock(string.Join('\n', example.Commands), "sh"));
            }
        }

        var related = RelatedTitles(card, lang);
        var context = related.Length > 0
            ? $"{Related.For(lang)}: {related} · [{Docs.For(lang)}]({card.Docs})"
            : $"[{Docs.For(lang)}]({card.Docs})";
        blocks.Add(new ContextBlock(context));

        var buttons = new List<Button> { new(CardActions.QuizMe, card.Id, QuizMe.For(lang), ButtonStyle.Primary) };
        if (detail == CardDetail.Short)
        {
            buttons.Add(new Button(CardActions.More, card.Id, More.For(lang)));
        }

        blocks.Add(new ButtonsBlock(buttons));
        return new Reply
        {
            Blocks = blocks,
            Fallback = $"{text.Title}: {PlainText.FromMarkdown(text.Definition)}",
            Accent = card.Category.Slug(),
        };
    }

    public string RelatedTitles(ConceptCard card, Lang lang) =>
        string.Join(", ", card.Related.Select(catalog.Find).OfType<ConceptCard>().Take(5).Select(c => $"`{ShortTitle(c, lang)}`"));

    /// <summary>The title without the parenthesised English name (<c>파드 (Pod)</c> → <c>파드</c>).</summary>
    public static string ShortTitle(ConceptCard card, Lang lang)
    {
        ArgumentNullException.ThrowIfNull(card);
        var title = card.Text(lang).Title;
        var paren = title.IndexOf(" (", StringComparison.Ordinal);
        return paren > 0 ? title[..paren] : title;
    }

    private static void AddField(List<Field> fields, string name, IReadOnlyList<string> items)
    {
        if (items.Count > 0)
        {
            fields.Add(new Field(name, Bullets(items)));
        }
    }

    private static string Bullets(IEnumerable<string> items)
    {
        var builder = new StringBuilder();
        foreach (var item in items)
        {
            builder.Append("- ").Append(item.Trim()).Append('\n');
        }

        return builder.ToString().TrimEnd();
    }
}
