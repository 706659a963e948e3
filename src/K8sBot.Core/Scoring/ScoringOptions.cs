using System.ComponentModel.DataAnnotations;

namespace K8sBot.Core.Scoring;

/// <summary>Bound from <c>Scoring</c>.</summary>
public sealed class ScoringOptions : IValidatableObject
{
    public const string Section = "Scoring";

    /// <summary>IANA zone for daily streaks and for weeks (Monday 00:00).</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Seoul";

    /// <summary>Points for a correct personal quiz or review answer the first time; halved for each repeat.</summary>
    [Range(0, 10000)]
    public int PersonalPoints { get; set; } = 100;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!System.TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Scoring:TimeZone '{TimeZone}' is not a known time zone id.", [nameof(TimeZone)]);
        }
    }
}
