using K8sBot.Core.Messaging;

namespace K8sBot.Discord.Rendering;

/// <summary>Embed colour: warnings and errors by kind, otherwise the concept category, otherwise Discord blurple.</summary>
internal static class EmbedColours
{
    private static readonly Dictionary<string, int> Categories = new(StringComparer.Ordinal)
    {
        ["workloads"] = 0x326CE5,
        ["networking"] = 0x1ABC9C,
        ["configuration"] = 0xE67E22,
        ["storage"] = 0x9B59B6,
        ["cluster-architecture"] = 0x34495E,
        ["security"] = 0xE74C3C,
        ["scheduling"] = 0xF1C40F,
        ["extension"] = 0x2ECC71,
        ["tooling"] = 0x95A5A6,
    };

    public static int For(ReplyKind kind, string? accent) => kind switch
    {
        ReplyKind.Error => 0xED4245,
        ReplyKind.Warning => 0xFEE75C,
        ReplyKind.Success => 0x57F287,
        _ => accent is not null && Categories.TryGetValue(accent, out var colour) ? colour : 0x5865F2,
    };
}
