namespace K8sBot.Core.Messaging;

/// <summary>
/// A platform's size limits, checked on the neutral reply as that platform would render it.
/// Adapters implement it; the content linter and tests run every card through all of them.
/// </summary>
public interface IReplyLimits
{
    string Platform { get; }

    /// <summary>Human-readable violations; empty when the platform would accept the rendered reply as is.</summary>
    IReadOnlyList<string> Check(Reply reply);
}
