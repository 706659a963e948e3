namespace K8sBot.Core.Daily;

/// <summary>
/// One channel's daily-card subscription as stored (LiteDB maps it). Id is the channel key
/// (<c>platform:tenant:channel</c>). Dates are local dates of the channel's zone as <c>yyyy-MM-dd</c>
/// so a zone change never reinterprets them.
/// </summary>
internal sealed class DailySubscription
{
    public string Id { get; set; } = string.Empty;

    /// <summary>The tenant key (<c>platform:tenant</c>), indexed for the per-tenant cap.</summary>
    public string Tenant { get; set; } = string.Empty;

    public string Platform { get; set; } = string.Empty;

    public string TenantId { get; set; } = string.Empty;

    public string ChannelId { get; set; } = string.Empty;

    /// <summary>Local posting time, <c>HH:mm</c>.</summary>
    public string Time { get; set; } = "09:00";

    /// <summary>IANA zone id.</summary>
    public string Zone { get; set; } = "Asia/Seoul";

    public string Lang { get; set; } = "ko";

    public bool Weekdays { get; set; }

    /// <summary>Optional Cronos expression (5 fields) evaluated in <see cref="Zone"/>; replaces time and weekdays.</summary>
    public string? Cron { get; set; }

    /// <summary>Monday's weekly digest, on by default.</summary>
    public bool Digest { get; set; } = true;

    /// <summary>Occurrences before this instant are not posted (subscribing at 10:00 does not post 09:00's card late).</summary>
    public DateTime ActiveFromUtc { get; set; }

    public int Cycle { get; set; } = 1;

    /// <summary>Concept ids already shown in this cycle.</summary>
    public List<string> Shown { get; set; } = [];

    public string? LastPostedDate { get; set; }

    public string? LastDigestDate { get; set; }

    public PendingPost? Pending { get; set; }

    public string? PausedReason { get; set; }

    public DateTime? PausedAtUtc { get; set; }

    /// <summary>Transient failures on <see cref="AttemptDate"/>; bounded per day.</summary>
    public int Attempts { get; set; }

    public string? AttemptDate { get; set; }

    public DateTime? RetryAtUtc { get; set; }
}
