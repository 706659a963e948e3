using System.ComponentModel.DataAnnotations;

namespace K8sBot.Core.Learning;

/// <summary>Bound from <c>Learning</c>: the FSRS-6 model and how quiz answers map to grades.</summary>
public sealed class LearningOptions : IValidatableObject
{
    public const string Section = "Learning";

    /// <summary>FSRS-6 default parameters, as published with py-fsrs (w0..w20).</summary>
    public static readonly IReadOnlyList<double> DefaultWeights =
    [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ];

    /// <summary>
    /// The 21 weights. Null means <see cref="DefaultWeights"/>; kept nullable because the configuration
    /// binder appends to a pre-filled array instead of replacing it.
    /// </summary>
    public double[]? Weights { get; set; }

    [Range(0.7, 0.99)]
    public double DesiredRetention { get; set; } = 0.9;

    [Range(1, 36500)]
    public int MaximumIntervalDays { get; set; } = 36500;

    /// <summary>A correct personal answer at or under this many seconds is graded Easy.</summary>
    [Range(1, 600)]
    public double FastSeconds { get; set; } = 8;

    /// <summary>A correct personal answer at or over this many seconds is graded Hard.</summary>
    [Range(1, 3600)]
    public double SlowSeconds { get; set; } = 40;

    /// <summary>Stability (days) from which a concept counts as mastered.</summary>
    [Range(1, 36500)]
    public double MasteredStabilityDays { get; set; } = 21;

    public IReadOnlyList<double> EffectiveWeights => Weights ?? DefaultWeights;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Weights is { Length: not 21 })
        {
            yield return new ValidationResult($"Learning:Weights must have 21 values (FSRS-6), found {Weights.Length}.", [nameof(Weights)]);
        }

        if (Weights is not null && Weights.Any(w => double.IsNaN(w) || double.IsInfinity(w)))
        {
            yield return new ValidationResult("Learning:Weights must be finite numbers.", [nameof(Weights)]);
        }

        if (FastSeconds >= SlowSeconds)
        {
            yield return new ValidationResult("Learning:FastSeconds must be less than Learning:SlowSeconds.", [nameof(FastSeconds)]);
        }
    }
}
