namespace K8sBot.Core.Ask.Retrieval;

/// <summary>What a word does in a question, from <see cref="Lexicon"/>; a word can have several roles.</summary>
[Flags]
internal enum WordRole : byte
{
    Content = 0,
    Stop = 1,
    ComparisonCue = 2,
    ExampleCue = 4,
    DefinitionCue = 8,
}
