using System.Collections.Concurrent;
using K8sBot.Core.Messaging;

namespace K8sBot.Discord.Rendering;

/// <summary>
/// Text cut off a long message, kept for a day behind the adapter's own "more" button
/// (<c>discord.more|key</c>). In memory: after a restart the button answers that it expired.
/// </summary>
internal sealed class OverflowStore(TimeProvider time)
{
    public const string Action = "discord.more";
    private const int Capacity = 10_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public string Save(string text, ReplyKind kind, string? accent)
    {
        var now = time.GetUtcNow();
        if (_entries.Count >= Capacity)
        {
            foreach (var (key, entry) in _entries)
            {
                if (entry.Expires < now)
                {
                    _entries.TryRemove(key, out _);
                }
            }

            if (_entries.Count >= Capacity)
            {
                foreach (var oldest in _entries.OrderBy(e => e.Value.Expires).Take(Capacity / 10))
                {
                    _entries.TryRemove(oldest.Key, out _);
                }
            }
        }

        var id = Guid.NewGuid().ToString("N")[..12];
        _entries[id] = new Entry(text, kind, accent, now + Lifetime);
        return id;
    }

    public Reply? Take(string key)
    {
        if (!_entries.TryGetValue(key, out var entry) || entry.Expires < time.GetUtcNow())
        {
            return null;
        }

        return new Reply
        {
            Blocks = [new MarkdownBlock(entry.Text)],
            Fallback = PlainText.FromMarkdown(entry.Text),
            Kind = entry.Kind,
            Accent = entry.Accent,
            Visibility = ReplyVisibility.Private,
        };
    }

    private sealed record Entry(string Text, ReplyKind Kind, string? Accent, DateTimeOffset Expires);
}
