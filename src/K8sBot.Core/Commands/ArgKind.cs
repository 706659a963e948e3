namespace K8sBot.Core.Commands;

/// <summary>The shape of a command argument; decides which token it takes and how adapters expose it.</summary>
public enum ArgKind
{
    /// <summary>A whole number within <see cref="ArgSpec.Min"/>..<see cref="ArgSpec.Max"/>.</summary>
    Integer,

    /// <summary>One token, anything.</summary>
    Word,

    /// <summary>The rest of the line (must be the last argument).</summary>
    Text,

    /// <summary><c>HH:mm</c>.</summary>
    Time,

    /// <summary>An IANA time zone id such as <c>Asia/Seoul</c>.</summary>
    TimeZone,

    /// <summary><c>ko</c> or <c>en</c>.</summary>
    Language,

    /// <summary>Present or absent; written as its name (e.g. <c>teams</c>).</summary>
    Flag,

    /// <summary>One of <see cref="ArgSpec.Choices"/>.</summary>
    Choice,

    /// <summary>A person: a platform mention (<c>&lt;@id&gt;</c>) or a name.</summary>
    User,
}
