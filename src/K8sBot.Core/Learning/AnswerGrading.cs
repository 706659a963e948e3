namespace K8sBot.Core.Learning;

/// <summary>
/// Turns a quiz answer into an FSRS grade: wrong is Again; a correct answer is Easy when fast,
/// Hard when slow, Good otherwise. A timed question scales the thresholds to its limit.
/// </summary>
public static class AnswerGrading
{
    public static Grade Grade(bool correct, TimeSpan elapsed, TimeSpan fast, TimeSpan slow)
    {
        if (!correct)
        {
            return Learning.Grade.Again;
        }

        if (elapsed <= fast)
        {
            return Learning.Grade.Easy;
        }

        return elapsed >= slow ? Learning.Grade.Hard : Learning.Grade.Good;
    }

    /// <summary>For a question with a time limit: the first quarter is fast, the last quarter slow.</summary>
    public static Grade ForLimit(bool correct, TimeSpan elapsed, TimeSpan limit) =>
        Grade(correct, elapsed, limit * 0.25, limit * 0.75);
}
