using System.Collections.Concurrent;
using System.Security.Cryptography;
using K8sBot.Core.Messaging;

namespace K8sBot.Slack.Rendering;

/// <summary>
/// Keeps the rest of a reply that was cut to fit Slack's limits until someone presses its "more"
/// button. Bounded and in memory: after a restart the button answers that it no longer works.
/// </summary>
internal sealed class MoreStore
{
    public const string ActionId = "slack.more";

    private const int Capacity = 2_000;

    private readonly ConcurrentDictionary<string, Reply> _rest = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public string Save(Reply rest)
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        _rest[key] = rest;
        _order.Enqueue(key);
        while (_order.Count > Capacity && _order.TryDequeue(out var old))
        {
            _rest.TryRemove(old, out _);
        }

        return key;
    }

    public Reply? Find(string key) => _rest.TryGetValue(key, out var rest) ? rest : null;
}
