using K8sBot.Core.Commands;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Content;

/// <summary><c>card &lt;concept&gt;</c>: the full card.</summary>
public sealed class CardCommand(ConceptLookup lookup, CardPresenter presenter, ContentCatalog catalog) : ICommandHandler
{
    private static readonly LocalizedText NotFound = new(
        "`{0}`이라는 개념은 아직 몰라요. `concepts`로 목록을 볼 수 있어요. 예: {1}",
        "I don't have a card called `{0}`. `concepts` lists them all. For example: {1}");

    public CommandSpec Spec => BotCommands.Card;

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.Args.Text("concept");
        var card = lookup.Find(name);
        if (card is null)
        {
            var examples = string.Join(", ", catalog.Concepts.Take(3).Select(c => $"`{c.Id}`"));
            var text = NotFound.Format(context.Lang, CommandLineParser.Escape(name ?? string.Empty), examples);
            return Task.FromResult<IReadOnlyList<Reply>>([Reply.Text(text, ReplyKind.Warning, ReplyVisibility.Private)]);
        }

        return Task.FromResult<IReadOnlyList<Reply>>([presenter.Card(card, context.Lang, CardDetail.Full)]);
    }
}
