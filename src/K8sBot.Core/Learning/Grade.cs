namespace K8sBot.Core.Learning;

/// <summary>FSRS ratings; the numeric values are the ones the FSRS formulas use.</summary>
public enum Grade
{
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}
