using K8sBot.Core.Messaging;

namespace K8sBot.Discord.Rendering;

/// <summary>Checks a reply by rendering it exactly as the adapter would; every cut or drop is a finding.</summary>
internal sealed class DiscordReplyLimits : IReplyLimits
{
    private readonly DiscordRenderer _renderer = new(overflow: null);

    public string Platform => "discord";

    public IReadOnlyList<string> Check(Reply reply) => _renderer.Render(reply).Issues;
}
