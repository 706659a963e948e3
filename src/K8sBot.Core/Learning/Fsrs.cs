using Microsoft.Extensions.Options;

namespace K8sBot.Core.Learning;

/// <summary>
/// FSRS-6 (the algorithm py-fsrs implements), written from the published formulas. Concepts are
/// scheduled in whole days with no learning steps and no fuzz: a quiz concept is either due or not,
/// and tests need exact intervals. Elapsed time counts whole days, as the reference does.
/// </summary>
public sealed class Fsrs
{
    private const double MinStability = 0.001;
    private const double MinDifficulty = 1.0;
    private const double MaxDifficulty = 10.0;

    private readonly double[] _w;
    private readonly double _decay;
    private readonly double _factor;
    private readonly double _retention;
    private readonly int _maxInterval;

    public Fsrs(IOptions<LearningOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _w = [.. value.EffectiveWeights];
        _retention = value.DesiredRetention;
        _maxInterval = value.MaximumIntervalDays;
        _decay = -_w[20];
        _factor = Math.Pow(0.9, 1 / _decay) - 1;
    }

    /// <summary>The state after a review graded <paramref name="grade"/> at <paramref name="now"/>; <paramref name="state"/> null for a first review.</summary>
    public MemoryState Review(MemoryState? state, Grade grade, DateTimeOffset now)
    {
        double stability;
        double difficulty;
        if (state is null)
        {
            stability = Math.Max(_w[(int)grade - 1], MinStability);
            difficulty = ClampDifficulty(InitialDifficulty(grade));
        }
        else
        {
            var days = WholeDays(now - state.LastReview);
            stability = days < 1
                ? ShortTermStability(state.Stability, grade)
                : NextStability(state.Difficulty, state.Stability, Retrievability(state.Stability, days), grade);
            difficulty = NextDifficulty(state.Difficulty, grade);
        }

        var interval = IntervalDays(stability);
        return new MemoryState(stability, difficulty, now, now.AddDays(interval), (state?.Reviews ?? 0) + 1);
    }

    /// <summary>Probability of recall now (0 for a concept never reviewed).</summary>
    public double Retrievability(MemoryState? state, DateTimeOffset now) =>
        state is null ? 0 : Retrievability(state.Stability, Math.Max(0, WholeDays(now - state.LastReview)));

    public int IntervalDays(double stability)
    {
        var interval = stability / _factor * (Math.Pow(_retention, 1 / _decay) - 1);
        var days = (int)Math.Round(interval, MidpointRounding.ToEven);
        return Math.Clamp(days, 1, _maxInterval);
    }

    private static int WholeDays(TimeSpan elapsed) => (int)Math.Floor(elapsed.TotalDays);

    private static double ClampDifficulty(double d) => Math.Clamp(d, MinDifficulty, MaxDifficulty);

    private double Retrievability(double stability, double days) => Math.Pow(1 + (_factor * days / stability), _decay);

    private double InitialDifficulty(Grade grade) => _w[4] - Math.Exp(_w[5] * ((int)grade - 1)) + 1;

    private double NextDifficulty(double difficulty, Grade grade)
    {
        var delta = -(_w[6] * ((int)grade - 3));
        var damped = difficulty + ((10.0 - difficulty) * delta / 9.0);
        return ClampDifficulty((_w[7] * InitialDifficulty(Grade.Easy)) + ((1 - _w[7]) * damped));
    }

    private double ShortTermStability(double stability, Grade grade)
    {
        var increase = Math.Exp(_w[17] * ((int)grade - 3 + _w[18])) * Math.Pow(stability, -_w[19]);
        if (grade is Grade.Good or Grade.Easy)
        {
            increase = Math.Max(increase, 1.0);
        }

        return Math.Max(stability * increase, MinStability);
    }

    private double NextStability(double difficulty, double stability, double retrievability, Grade grade)
    {
        double next;
        if (grade == Grade.Again)
        {
            var longTerm = _w[11] * Math.Pow(difficulty, -_w[12]) * (Math.Pow(stability + 1, _w[13]) - 1) * Math.Exp((1 - retrievability) * _w[14]);
            var shortTerm = stability / Math.Exp(_w[17] * _w[18]);
            next = Math.Min(longTerm, shortTerm);
        }
        else
        {
            var hardPenalty = grade == Grade.Hard ? _w[15] : 1;
            var easyBonus = grade == Grade.Easy ? _w[16] : 1;
            next = stability * (1 + (Math.Exp(_w[8]) * (11 - difficulty) * Math.Pow(stability, -_w[9]) * (Math.Exp((1 - retrievability) * _w[10]) - 1) * hardPenalty * easyBonus));
        }

        return Math.Max(next, MinStability);
    }
}
