using K8sBot.Core.Localization;

namespace K8sBot.Core.Content;

/// <summary>A concept the bot teaches, in both languages. Ids are a contract with stored data.</summary>
public sealed record ConceptCard(
    string Id,
    ConceptCategory Category,
    int Order,
    Uri Docs,
    IReadOnlyList<string> Related,
    CardText Ko,
    CardText En,
    ConceptExample? Example)
{
    public CardText Text(Lang lang) => lang == Lang.Ko ? Ko : En;
}
