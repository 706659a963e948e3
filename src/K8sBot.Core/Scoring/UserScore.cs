namespace K8sBot.Core.Scoring;

/// <summary>A person's score as of a moment, weekly figures already rolled over to that moment's week.</summary>
public sealed record UserScore(
    string UserId,
    long Points,
    long WeekPoints,
    long LastWeekPoints,
    int Answered,
    int Correct,
    int CurrentStreak,
    int BestStreak)
{
    public double Accuracy => Answered == 0 ? 0 : (double)Correct / Answered;
}
