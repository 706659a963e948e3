using System.ComponentModel.DataAnnotations;

namespace K8sBot.Core.Quiz;

/// <summary>Bound from <c>Quiz</c>: competition pacing.</summary>
public sealed class QuizOptions
{
    public const string Section = "Quiz";

    /// <summary>Pause after a question's result before the next question.</summary>
    [Range(0, 60)]
    public double RevealPauseSeconds { get; set; } = 3;

    /// <summary>How often the countdown on a question is edited; at least 5 s so platforms are not spammed.</summary>
    [Range(5, 60)]
    public double CountdownSeconds { get; set; } = 5;
}
