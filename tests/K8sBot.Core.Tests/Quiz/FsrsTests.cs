using System.ComponentModel.DataAnnotations;
using K8sBot.Core.Learning;
using Microsoft.Extensions.Options;

namespace K8sBot.Core.Tests.Quiz;

/// <summary>
/// Reference values computed with the py-fsrs (FSRS-6) scheduler formulas, default parameters,
/// desired retention 0.9, no learning steps, no fuzz (see docs/quiz.md).
/// </summary>
public sealed class FsrsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Fsrs Default() => new(Options.Create(new LearningOptions()));

    [Theory]
    [InlineData(Grade.Again, 0.212, 6.4133, 1)]
    [InlineData(Grade.Hard, 1.2931, 5.1121707056, 1)]
    [InlineData(Grade.Good, 2.3065, 2.1181039705, 2)]
    [InlineData(Grade.Easy, 8.2956, 1.0, 8)]
    public void First_review_matches_the_reference(Grade grade, double stability, double difficulty, int interval)
    {
        var state = Default().Review(null, grade, Start);

        Assert.Equal(stability, state.Stability, 8);
        Assert.Equal(difficulty, state.Difficulty, 8);
        Assert.Equal(Start.AddDays(interval), state.Due);
        Assert.Equal(1, state.Reviews);
    }

    [Fact]
    public void A_long_sequence_reviewed_on_schedule_matches_the_reference()
    {
        (Grade Grade, double S, double D, int Interval)[] expected =
        [
            (Grade.Good, 2.3065000000, 2.1181039705, 2),
            (Grade.Good, 10.9643323358, 2.1112142358, 11),
            (Grade.Good, 46.2802172876, 2.1043313908, 46),
            (Grade.Good, 162.8622016387, 2.0974554288, 163),
            (Grade.Good, 497.4471936003, 2.0905863426, 497),
            (Grade.Good, 1345.5287775426, 2.0837241256, 1346),
            (Grade.Again, 9.4446013453, 7.3832023200, 9),
            (Grade.Again, 1.3126390720, 9.1251047661, 1),
            (Grade.Good, 2.3496733075, 9.1112080307, 2),
            (Grade.Good, 4.1940283271, 9.0973251919, 4),
            (Grade.Good, 7.4665402298, 9.0834562360, 7),
            (Grade.Good, 12.7315472656, 9.0696011491, 13),
            (Grade.Good, 21.5281513532, 9.0557599172, 22),
        ];
        AssertSequence(expected);
    }

    [Fact]
    public void Hard_and_easy_reviews_match_the_reference()
    {
        AssertSequence(
        [
            (Grade.Hard, 1.2931000000, 5.1121707056, 1),
            (Grade.Easy, 7.3855115502, 3.4641142976, 7),
            (Grade.Good, 28.0630159252, 3.4558785526, 28),
            (Grade.Again, 2.3094579950, 7.8342201495, 2),
            (Grade.Good, 5.3957518499, 7.8216142987, 5),
        ]);
    }

    [Fact]
    public void A_same_day_review_uses_short_term_stability()
    {
        var fsrs = Default();
        var first = fsrs.Review(null, Grade.Good, Start);
        var second = fsrs.Review(first, Grade.Good, Start.AddHours(2));

        Assert.Equal(2.3065, second.Stability, 10);
        Assert.Equal(2.111214235785395, second.Difficulty, 10);
        Assert.Equal(Start.AddHours(2).AddDays(2), second.Due);
    }

    [Fact]
    public void Retrievability_follows_the_forgetting_curve()
    {
        var fsrs = Default();
        var state = fsrs.Review(null, Grade.Good, Start);

        Assert.Equal(0.8388614268145294, fsrs.Retrievability(state, Start.AddDays(5)), 12);
        Assert.Equal(0.8093881035731708, fsrs.Retrievability(state with { Stability = 10 }, Start.AddDays(30)), 12);
        Assert.Equal(0, fsrs.Retrievability(null, Start));
    }

    [Fact]
    public void Weights_come_from_configuration()
    {
        var weights = LearningOptions.DefaultWeights.ToArray();
        weights[2] = 5.0;
        var fsrs = new Fsrs(Options.Create(new LearningOptions { Weights = weights }));

        Assert.Equal(5.0, fsrs.Review(null, Grade.Good, Start).Stability);
    }

    [Fact]
    public void Configuration_with_the_wrong_number_of_weights_is_rejected()
    {
        var options = new LearningOptions { Weights = [.. LearningOptions.DefaultWeights.Take(19)] };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.ErrorMessage!.Contains("21", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, 1, Grade.Again)]
    [InlineData(true, 3, Grade.Easy)]
    [InlineData(true, 10, Grade.Good)]
    [InlineData(true, 17, Grade.Hard)]
    public void Grades_come_from_correctness_and_speed(bool correct, int seconds, Grade expected) =>
        Assert.Equal(expected, AnswerGrading.ForLimit(correct, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(20)));

    private static void AssertSequence((Grade Grade, double S, double D, int Interval)[] expected)
    {
        var fsrs = Default();
        MemoryState? state = null;
        var now = Start;
        foreach (var step in expected)
        {
            state = fsrs.Review(state, step.Grade, now);
            Assert.Equal(step.S, state.Stability, 7);
            Assert.Equal(step.D, state.Difficulty, 7);
            Assert.Equal(now.AddDays(step.Interval), state.Due);
            now = state.Due;
        }
    }
}
