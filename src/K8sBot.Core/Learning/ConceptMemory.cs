namespace K8sBot.Core.Learning;

public sealed record ConceptMemory(string ConceptId, MemoryState State, IReadOnlyDictionary<string, int> Seen);
