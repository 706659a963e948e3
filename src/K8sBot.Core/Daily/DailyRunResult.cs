namespace K8sBot.Core.Daily;

internal enum DailyRunResult
{
    /// <summary>Nothing was due (or the subscription is gone).</summary>
    NothingDue,

    Posted,

    /// <summary><c>daily now</c> on a day whose card is already out.</summary>
    AlreadyPosted,

    /// <summary>A transient failure; a retry is scheduled for later today.</summary>
    Retrying,

    /// <summary>Transient failures used up today's attempts; tomorrow is a new day.</summary>
    GaveUpToday,

    /// <summary>The platform said the channel is gone or forbidden; the subscription is paused.</summary>
    Paused,
}
