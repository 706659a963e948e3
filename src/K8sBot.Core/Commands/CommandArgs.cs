using System.Globalization;

namespace K8sBot.Core.Commands;

/// <summary>Validated argument values by name, as the user wrote them.</summary>
public sealed class CommandArgs(IReadOnlyDictionary<string, string> values)
{
    public static readonly CommandArgs None = new(new Dictionary<string, string>());

    public bool Has(string name) => values.ContainsKey(name);

    public string? Text(string name) => values.GetValueOrDefault(name);

    public int Int(string name, int fallback) =>
        values.TryGetValue(name, out var v) && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    public IReadOnlyDictionary<string, string> All => values;
}
