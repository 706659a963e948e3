using System.Collections.Concurrent;
using System.Security.Cryptography;
using K8sBot.Core.Limits;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace K8sBot.Core.Quiz;

/// <summary>
/// Owns the running competitions of this process: at most one per channel, only for tenants this
/// process owns. Starts, stops and resumes rounds and routes presses to them.
/// </summary>
internal sealed partial class MatchEngine : IAsyncDisposable, IDisposable
{
    private const string TokenAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    private readonly MatchDependencies _deps;
    private readonly TopicResolver _topics;
    private readonly TenantOwnership _ownership;
    private readonly ILogger<MatchEngine> _logger;
    private readonly ConcurrentDictionary<string, MatchRunner> _byChannel = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MatchRunner> _byRound = new(StringComparer.Ordinal);
    private readonly Lock _startGate = new();
    private readonly TimeSpan _cooldown;
    private bool _disposed;

    public MatchEngine(MatchDependencies deps, TopicResolver topics, TenantOwnership ownership, IOptions<LimitsOptions> limits, ILogger<MatchEngine> logger)
    {
        _cooldown = TimeSpan.FromSeconds(limits.Value.MatchCooldownSeconds);
        _deps = deps;
        _topics = topics;
        _ownership = ownership;
        _logger = logger;
    }

    public MatchStart TryStart(ConversationAddress where, ChatUser starter, int count, int seconds, string? topic, bool teams, Lang lang)
    {
        ArgumentNullException.ThrowIfNull(where);
        ArgumentNullException.ThrowIfNull(starter);
        if (!_ownership.Owns(where.Tenant))
        {
            return new MatchStart.NotOwned();
        }

        var concepts = _topics.Resolve(topic);
        if (concepts is null)
        {
            return new MatchStart.UnknownTopic();
        }

        var pool = concepts.SelectMany(c => _deps.Catalog.QuestionsFor(c.Id)).ToArray();
        if (pool.Length == 0)
        {
            return new MatchStart.NoQuestions();
        }

        lock (_startGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var channelKey = where.ChannelKey;
            if (_byChannel.TryGetValue(channelKey, out var running))
            {
                return new MatchStart.AlreadyRunning(running.Remaining(_deps.Time.GetUtcNow()));
            }

            if (_deps.Rounds.LastEnded(channelKey) is { } ended)
            {
                var wait = new DateTimeOffset(ended, TimeSpan.Zero) + _cooldown - _deps.Time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    return new MatchStart.CoolingDown(wait);
                }
            }

            Random.Shared.Shuffle(pool);
            var questions = pool.Take(count).ToList();
            var round = new RoundDocument
            {
                Id = RandomNumberGenerator.GetString(TokenAlphabet, 8),
                ChannelKey = channelKey,
                Platform = where.Platform.ToString(),
                TenantId = where.TenantId,
                ChannelId = where.ChannelId,
                StartThreadId = where.ThreadId,
                StarterId = starter.Id,
                Lang = lang.Code(),
                Seconds = seconds,
                Topic = string.IsNullOrWhiteSpace(topic) ? null : topic.Trim(),
                Teams = teams,
                QuestionIds = [.. questions.Select(q => q.Id)],
                Orders = [.. questions.Select(q => OptionOrder.Shuffle(q.OptionCount, Random.Shared).ToString())],
                StartedAt = _deps.Time.GetUtcNow().UtcDateTime,
            };
            _deps.Rounds.Save(round);
            Launch(round);
            return new MatchStart.Started(round.Id, questions.Count);
        }
    }

    /// <summary>Ends the channel's round if <paramref name="user"/> started it or is an admin; waits for the standings to be posted.</summary>
    public async Task<MatchStop> StopAsync(ConversationAddress where, ChatUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(where);
        ArgumentNullException.ThrowIfNull(user);
        if (!_byChannel.TryGetValue(where.ChannelKey, out var runner))
        {
            return MatchStop.NotRunning;
        }

        if (runner.StarterId != user.Id && !user.IsAdmin)
        {
            return MatchStop.NotAllowed;
        }

        runner.RequestStop();
        await runner.Completion.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        return MatchStop.Stopped;
    }

    /// <summary>A competition button: <paramref name="value"/> is <c>round:question:position</c>, untrusted.</summary>
    public async Task<SubmitResult> SubmitAsync(TenantKey tenant, ChatUser user, string? value, DateTimeOffset pressedAt)
    {
        ArgumentNullException.ThrowIfNull(user);
        var parts = (value ?? string.Empty).Split(':');
        if (parts.Length != 3 || parts[0].Length is 0 or > 16
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var question)
            || !int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position))
        {
            return SubmitResult.Invalid;
        }

        if (_byRound.TryGetValue(parts[0], out var runner))
        {
            // Checked in memory: this is the hot path when everyone presses at once.
            return runner.Tenant != tenant
                ? SubmitResult.Invalid
                : await runner.TrySubmit(user, question, position, pressedAt).ConfigureAwait(false);
        }

        // Not running here: a finished round's buttons are closed; anything else is not ours.
        var stored = _deps.Rounds.Find(parts[0]);
        return stored is not null && stored.TenantId == tenant.TenantId && question < stored.QuestionIds.Count && !stored.Running
            ? SubmitResult.Closed
            : SubmitResult.Invalid;
    }

    /// <summary>Picks up rounds a previous process left running or unannounced, for the tenants this process owns.</summary>
    public int ResumeAll()
    {
        var resumed = 0;
        lock (_startGate)
        {
            foreach (var round in _deps.Rounds.Unfinished())
            {
                var tenant = new TenantKey(Enum.Parse<Platform>(round.Platform), round.TenantId);
                if (!_ownership.Owns(tenant) || _byRound.ContainsKey(round.Id))
                {
                    continue;
                }

                if (round.Running && round.QuestionIds.Any(id => _deps.Catalog.FindQuestion(id) is null))
                {
                    // The content changed under the round; end it rather than fail mid-way.
                    round.QuestionIds = [.. round.QuestionIds.Take(round.Scored + 1)];
                    round.Orders = [.. round.Orders.Take(round.Scored + 1)];
                    round.Current = round.Scored;
                }

                LogResuming(_logger, round.Id, round.Current + 1, round.QuestionIds.Count);
                Launch(round);
                resumed++;
            }
        }

        return resumed;
    }

    /// <summary>Stops every loop without ending its round, so the next process resumes it.</summary>
    public async Task ShutdownAsync()
    {
        lock (_startGate)
        {
            _disposed = true;
        }

        await Task.WhenAll(_byRound.Values.Select(r => r.ShutdownAsync())).ConfigureAwait(false);
        _byRound.Clear();
        _byChannel.Clear();
    }

    public async ValueTask DisposeAsync() => await ShutdownAsync().ConfigureAwait(false);

    public void Dispose() => ShutdownAsync().GetAwaiter().GetResult();

    internal bool IsRunning(string channelKey) => _byChannel.ContainsKey(channelKey);

    private void Launch(RoundDocument round)
    {
        var runner = new MatchRunner(round, _deps);
        _byChannel[round.ChannelKey] = runner;
        _byRound[round.Id] = runner;
        runner.Start();
        _ = runner.Completion.ContinueWith(
            _ =>
            {
                // Only forget the runner when the round really ended (not on shutdown).
                if (_deps.Rounds.Find(round.Id) is { Running: false })
                {
                    _byChannel.TryRemove(new KeyValuePair<string, MatchRunner>(round.ChannelKey, runner));
                    _byRound.TryRemove(new KeyValuePair<string, MatchRunner>(round.Id, runner));
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming quiz round {Round} at question {Question}/{Count}")]
    private static partial void LogResuming(ILogger logger, string round, int question, int count);
}
