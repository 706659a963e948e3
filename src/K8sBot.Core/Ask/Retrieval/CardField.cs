namespace K8sBot.Core.Ask.Retrieval;

/// <summary>The parts of a card that are searched, with how much a hit in each one counts.</summary>
internal enum CardField
{
    Names,
    Title,
    Keywords,
    UseWhen,
    Definition,
    KeyPoints,
    Mistakes,
}
