using K8sBot.Core.Messaging;

namespace K8sBot.Slack.Rendering;

/// <summary>Slack's limits, checked by rendering the reply exactly as the adapter would and listing what had to be cut.</summary>
internal sealed class SlackReplyLimits : IReplyLimits
{
    private readonly BlockKitRenderer _renderer = new(more: null);

    public string Platform => "slack";

    public IReadOnlyList<string> Check(Reply reply) => _renderer.Render(reply).Problems;
}
