using K8sBot.Core.Commands;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;

namespace K8sBot.Core.Content;

/// <summary>"More" and "show card" buttons. The value must be a concept id in the catalogue.</summary>
public sealed class CardButtons(ContentCatalog catalog, CardPresenter presenter) : IButtonHandler
{
    private static readonly LocalizedText Unknown = new("이 버튼은 더 이상 쓸 수 없어요.", "This button no longer works.");

    public string ActionPrefix => CardActions.Prefix;

    public Task<IReadOnlyList<Reply>> HandleAsync(ButtonContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var card = catalog.Find(context.Press.Value);
        Reply reply = card is null
            ? Reply.Text(Unknown.For(context.Lang), ReplyKind.Warning, ReplyVisibility.Private)
            : context.Press.ActionId switch
            {
                CardActions.More => presenter.Card(card, context.Lang, CardDetail.Full).AsPrivate(),
                CardActions.Show => presenter.Card(card, context.Lang).AsPrivate(),
                _ => Reply.Text(Unknown.For(context.Lang), ReplyKind.Warning, ReplyVisibility.Private),
            };
        return Task.FromResult<IReadOnlyList<Reply>>([reply]);
    }
}
