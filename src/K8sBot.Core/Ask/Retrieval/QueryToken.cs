namespace K8sBot.Core.Ask.Retrieval;

/// <summary>
/// One word of normalised text. <see cref="Stem"/> is the word without Korean particles and
/// endings (or an English plural), the form used for retrieval; <see cref="Text"/> keeps the
/// surface form for name matching, where the particle may be part of a longer name.
/// </summary>
/// <see cref="Cuts"/> marks where a Korean word's particles may start (see <see cref="Stemmer.SuffixCuts"/>).
internal readonly record struct QueryToken(string Text, string Stem, Script Script, ulong Cuts = 0);
