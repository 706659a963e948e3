namespace K8sBot.Core.Ask.Retrieval;

/// <summary>A concept named in the question: tokens <see cref="Start"/>..+<see cref="Length"/>, exactly or within a typo.</summary>
internal readonly record struct NameHit(int Concept, int Start, int Length, bool Exact);
