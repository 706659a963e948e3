using System.Text;

namespace K8sBot.Core.Quiz;

/// <summary>Team names: letters (any script), digits, spaces, <c>-</c> and <c>_</c>; whitespace collapsed; at most <see cref="MaxLength"/>.</summary>
public static class TeamName
{
    public const int MaxLength = 24;

    /// <summary>The display form and the key, or false when nothing usable is left or it is too long.</summary>
    public static bool TryNormalize(string? text, out string display, out string key)
    {
        display = string.Empty;
        key = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var builder = new StringBuilder();
        var space = false;
        foreach (var c in text.Trim().Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (!char.IsLetterOrDigit(c) && c is not '-' and not '_')
            {
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        if (builder.Length == 0 || builder.Length > MaxLength)
        {
            return false;
        }

        display = builder.ToString();
        key = display.ToLowerInvariant();
        return true;
    }
}
