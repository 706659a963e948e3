namespace K8sBot.Core.Quiz;

/// <summary>
/// A competition round as persisted after every step, so a restarted process can resume it.
/// <see cref="Current"/> is the question on screen (-1 before the first); <see cref="Scored"/> the last
/// question whose answers were scored. <see cref="Current"/> == <see cref="Scored"/> means "between questions".
/// </summary>
internal sealed class RoundDocument
{
    public string Id { get; set; } = string.Empty;

    public string ChannelKey { get; set; } = string.Empty;

    public string Platform { get; set; } = string.Empty;

    public string TenantId { get; set; } = string.Empty;

    public string ChannelId { get; set; } = string.Empty;

    /// <summary>Where the round was started (a thread the command was typed in), else null.</summary>
    public string? StartThreadId { get; set; }

    /// <summary>The thread the questions go to.</summary>
    public string? ThreadId { get; set; }

    public string? RootMessageId { get; set; }

    public string StarterId { get; set; } = string.Empty;

    public string Lang { get; set; } = "ko";

    public int Seconds { get; set; }

    public string? Topic { get; set; }

    public bool Teams { get; set; }

    public List<string> QuestionIds { get; set; } = [];

    /// <summary>One <see cref="OptionOrder"/> per question.</summary>
    public List<string> Orders { get; set; } = [];

    public int Current { get; set; } = -1;

    public int Scored { get; set; } = -1;

    public DateTime? OpenedAt { get; set; }

    public string? QuestionMessageId { get; set; }

    public bool Running { get; set; } = true;

    public bool Stopped { get; set; }

    /// <summary>The last question whose result was posted; behind <see cref="Scored"/> only if a crash came between the two.</summary>
    public int Revealed { get; set; } = -1;

    /// <summary>Set together with <see cref="Running"/> = false and cleared once the standings are posted.</summary>
    public bool StandingsPending { get; set; }

    public DateTime StartedAt { get; set; }

    /// <summary>When the round ended (for the channel's cooldown); null while running.</summary>
    public DateTime? EndedAt { get; set; }

    public List<PlayerDocument> Players { get; set; } = [];
}
