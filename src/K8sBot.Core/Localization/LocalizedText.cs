namespace K8sBot.Core.Localization;

/// <summary>A message in both languages, written side by side where it is used.</summary>
public sealed record LocalizedText(string Ko, string En)
{
    public string For(Lang lang) => lang == Lang.Ko ? Ko : En;

    public string Format(Lang lang, params object?[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, For(lang), args);
}
