namespace K8sBot.Core.Content;

/// <summary>A minimal manifest (may be absent for components) and the kubectl commands people use with it.</summary>
public sealed record ConceptExample(string? Manifest, IReadOnlyList<string> Commands);
