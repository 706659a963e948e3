namespace K8sBot.Core.Ask.Retrieval;

/// <summary>
/// One word of normalised text. <see cref="Stem"/> is the word without Korean particles and
/// endings (or an English plural), the form used for retrieval; <see cref="Text"/> keeps the
/// surface form for name matching, where the particle may be part of a longer name.
/// <see cref="Cuts"/> marks where a Korean word's particles may start (see <see cref="Stemmer.SuffixCuts"/>);
/// <see cref="Role"/> is what the word does in a question, classified once when it is read.
/// </summary>
internal readonly record struct QueryToken(string Text, string Stem, Script Script, ulong Cuts = 0, WordRole Role = WordRole.Content)
{
    public bool IsStop => (Role & WordRole.Stop) != 0;

    /// <summary>A word that carries a topic: not a stop word nor a cue that shapes the answer.</summary>
    public bool IsContent => (Role & (WordRole.Stop | WordRole.ComparisonCue | WordRole.ExampleCue)) == 0;

    public bool Has(WordRole role) => (Role & role) != 0;
}
