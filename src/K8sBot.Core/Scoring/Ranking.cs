namespace K8sBot.Core.Scoring;

/// <summary>Standard competition ranking: equal scores share a rank and the next rank skips (1, 2, 2, 4).</summary>
public static class Ranking
{
    public static IReadOnlyList<Ranked<T>> Rank<T>(IEnumerable<T> items, Func<T, double> score, Func<T, string> tieBreak)
    {
        var ordered = items.OrderByDescending(score).ThenBy(tieBreak, StringComparer.Ordinal).ToList();
        var result = new List<Ranked<T>>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && score(ordered[i]).Equals(score(ordered[i - 1])) ? result[i - 1].Rank : i + 1;
            result.Add(new Ranked<T>(rank, ordered[i]));
        }

        return result;
    }
}
