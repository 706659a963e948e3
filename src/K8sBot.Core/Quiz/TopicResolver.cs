using K8sBot.Core.Content;

namespace K8sBot.Core.Quiz;

/// <summary>Turns a typed topic (concept name or category) into the concepts that have questions.</summary>
public sealed class TopicResolver(ContentCatalog catalog, ConceptLookup lookup)
{
    /// <summary>The concepts for the topic, curriculum order; null when the topic names nothing known; empty when it has no questions.</summary>
    public IReadOnlyList<ConceptCard>? Resolve(string? topic)
    {
        IEnumerable<ConceptCard> concepts;
        if (string.IsNullOrWhiteSpace(topic))
        {
            concepts = catalog.Concepts;
        }
        else if (lookup.Find(topic) is { } card)
        {
            concepts = [card];
        }
        else if (ConceptCategories.TryParse(topic, out var category))
        {
            concepts = catalog.Concepts.Where(c => c.Category == category);
        }
        else
        {
            return null;
        }

        return [.. concepts.Where(c => catalog.QuestionsFor(c.Id).Count > 0)];
    }
}
