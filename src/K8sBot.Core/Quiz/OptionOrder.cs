using System.Globalization;

namespace K8sBot.Core.Quiz;

/// <summary>
/// The order options are shown in: position i shows authored option <c>Authored[i]</c>. Stored as a
/// digit string so a stored question is self-contained; answers are checked in authored indexes.
/// </summary>
public sealed record OptionOrder(IReadOnlyList<int> Authored)
{
    public static OptionOrder Shuffle(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        return new OptionOrder(order);
    }

    public static OptionOrder Parse(string text) => new([.. (text ?? string.Empty).Select(c => c - '0')]);

    public override string ToString() => string.Concat(Authored.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    public int Count => Authored.Count;

    public int PositionOf(int authored) => Authored.ToList().IndexOf(authored);

    public static string Letter(int position) => ((char)('A' + position)).ToString();
}
