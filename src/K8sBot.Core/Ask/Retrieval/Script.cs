namespace K8sBot.Core.Ask.Retrieval;

/// <summary>The writing system of a token: decides stemming, n-grams and how typos are measured.</summary>
internal enum Script : byte
{
    Latin,
    Hangul,
    Other,
}
