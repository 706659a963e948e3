using System.Threading.Channels;
using K8sBot.Core.Content;
using K8sBot.Core.Learning;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;
using K8sBot.Core.Scoring;
using K8sBot.Core.Storage;
using K8sBot.Core.Telemetry;
using K8sBot.Core.Timing;
using Microsoft.Extensions.Logging;

namespace K8sBot.Core.Quiz;

/// <summary>
/// One running competition, independent of any platform: presses come in through
/// <see cref="TrySubmit"/> (checked against this state and recorded by group commit) and are
/// signalled to the loop through a channel; messages go out through <see cref="IChatPublisher"/>.
/// Every step is persisted before it is shown, so a new process can pick the round up where it was.
/// All waiting is on <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class MatchRunner
{
    private readonly RoundDocument _round;
    private readonly MatchDependencies _deps;
    private readonly Lang _lang;
    private readonly Lock _gate = new();
    private readonly Channel<RoundSignal> _inbox = Channel.CreateUnbounded<RoundSignal>();
    private readonly HashSet<string> _answered = new(StringComparer.Ordinal);
    private readonly HashSet<string> _participants = new(StringComparer.Ordinal);
    private readonly List<Task> _recording = [];
    private readonly CancellationTokenSource _shutdown = new();
    private Task? _loop;
    private Task<bool>? _pendingRead;
    private bool _open;
    private bool _stopRequested;
    private DateTimeOffset _lastClose;

    public MatchRunner(RoundDocument round, MatchDependencies deps)
    {
        _round = round;
        _deps = deps;
        _lang = LangExtensions.TryParse(round.Lang, out var lang) ? lang : Lang.Ko;
        Tenant = new TenantKey(Enum.Parse<Platform>(round.Platform), round.TenantId);
        foreach (var player in round.Players)
        {
            _participants.Add(player.UserId);
        }

        if (round.Current >= 0 && round.Scored < round.Current)
        {
            // Resuming an open question: who already answered is what was committed.
            foreach (var answer in deps.Rounds.Answers(round.Id, round.Current))
            {
                _answered.Add(answer.UserId);
            }

            _open = true;
        }
    }

    public string RoundId => _round.Id;

    public string ChannelKey => _round.ChannelKey;

    public string StarterId => _round.StarterId;

    public TenantKey Tenant { get; }

    public Task Completion => _loop ?? Task.CompletedTask;

    public TimeSpan Remaining(DateTimeOffset now)
    {
        lock (_gate)
        {
            var perQuestion = TimeSpan.FromSeconds(_round.Seconds) + _deps.RevealPause;
            var left = _round.QuestionIds.Count - Math.Max(_round.Current, 0);
            var currentLeft = _round.OpenedAt is { } opened && _open ? new DateTimeOffset(opened, TimeSpan.Zero).AddSeconds(_round.Seconds) - now : TimeSpan.Zero;
            return (perQuestion * Math.Max(left - 1, 0)) + (currentLeft > TimeSpan.Zero ? currentLeft : TimeSpan.Zero);
        }
    }

    public void Start() => _loop = Task.Run(() => RunAsync(_shutdown.Token));

    public void RequestStop() => _inbox.Writer.TryWrite(new RoundSignal.Stop());

    /// <summary>Stops the loop without finishing the round (process shutdown); the round resumes on the next start.</summary>
    public async Task ShutdownAsync()
    {
        await _shutdown.CancelAsync();
        try
        {
            await Completion.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Expected: the loop was waiting.
        }

        Task[] pending;
        lock (_gate)
        {
            pending = [.. _recording];
        }

        await Task.WhenAll(pending.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
        _shutdown.Dispose();
    }

    /// <summary>Checks a press against the round and, if it is the user's first for the open question, records it durably.</summary>
    public async Task<SubmitResult> TrySubmit(ChatUser user, int question, int position, DateTimeOffset pressedAt)
    {
        Task record;
        lock (_gate)
        {
            if (question < 0 || question >= _round.QuestionIds.Count || question > _round.Current)
            {
                return SubmitResult.Invalid;
            }

            var order = OptionOrder.Parse(_round.Orders[question]);
            if (position < 0 || position >= order.Count)
            {
                return SubmitResult.Invalid;
            }

            if (!_open || question < _round.Current || _round.OpenedAt is null)
            {
                return SubmitResult.Closed;
            }

            var opened = new DateTimeOffset(_round.OpenedAt.Value, TimeSpan.Zero);
            var limit = TimeSpan.FromSeconds(_round.Seconds);
            var now = _deps.Time.GetUtcNow();
            var at = pressedAt == default || pressedAt > now ? now : pressedAt;
            if (now - opened >= limit)
            {
                return SubmitResult.Closed;
            }

            if (!_answered.Add(user.Id))
            {
                return SubmitResult.AlreadyAnswered;
            }

            var elapsed = at < opened ? TimeSpan.Zero : at - opened;
            record = _deps.Recorder.RecordAsync(new AnswerDocument
            {
                Id = $"{_round.Id}:{question}:{user.Id}",
                UserId = user.Id,
                UserName = user.DisplayName,
                Option = order.Authored[position],
                ElapsedMs = (int)Math.Min(elapsed.TotalMilliseconds, limit.TotalMilliseconds),
                At = at.UtcDateTime,
            });
            _recording.Add(record);
        }

        try
        {
            await record.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            lock (_gate)
            {
                _answered.Remove(user.Id);
            }

            LogRecordFailed(_deps.Logger, _round.Id, ex);
            return SubmitResult.Failed;
        }

        _deps.Metrics.QuizAnswers.Add(1, new KeyValuePair<string, object?>("mode", "match"));
        _inbox.Writer.TryWrite(new RoundSignal.Answered(question, user.Id));
        return SubmitResult.Accepted;
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!_round.Running)
            {
                // Ended by a previous process that died before the standings went out.
                await PostStandingsAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            if (_round.RootMessageId is null)
            {
                await AnnounceAsync(cancellationToken).ConfigureAwait(false);
            }

            if (!_open && _round.Scored >= 0 && _round.Revealed < _round.Scored)
            {
                // Scored by a previous process that died before showing the result.
                await RevealAsync(_round.Scored, cancellationToken).ConfigureAwait(false);
            }

            while (true)
            {
                if (!_open)
                {
                    var next = _round.Current + 1;
                    if (next >= _round.QuestionIds.Count || _stopRequested)
                    {
                        break;
                    }

                    if (_round.Current >= 0 && await WaitAsync(_lastClose + _deps.RevealPause, countdown: false, cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }

                    await OpenAsync(next, cancellationToken).ConfigureAwait(false);
                }
                else if (_round.QuestionMessageId is null)
                {
                    await PostQuestionAsync(cancellationToken).ConfigureAwait(false);
                }

                var deadline = new DateTimeOffset(_round.OpenedAt!.Value, TimeSpan.Zero).AddSeconds(_round.Seconds);
                await WaitAsync(deadline, countdown: true, cancellationToken).ConfigureAwait(false);
                await CloseAsync(cancellationToken).ConfigureAwait(false);
            }

            await FinishAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: the persisted state lets the next process resume.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRoundFailed(_deps.Logger, _round.Id, ex);
            lock (_gate)
            {
                _open = false;
                _round.Running = false;
                _round.EndedAt ??= _deps.Time.GetUtcNow().UtcDateTime;
                _round.StandingsPending = false;
                _deps.Rounds.Save(_round);
            }
        }
    }

    private async Task AnnounceAsync(CancellationToken cancellationToken)
    {
        var where = StartAddress();
        var topic = _round.Topic;
        var root = await _deps.Publisher.PostAsync(where, MatchView.Announcement(_round, topic is null ? null : UserText.Escape(topic, 40), _lang), "r" + _round.Id, cancellationToken).ConfigureAwait(false);
        var thread = where.ThreadId is null ? await _deps.Publisher.OpenThreadAsync(root, MatchView.Thread(_lang), cancellationToken).ConfigureAwait(false) : where;
        lock (_gate)
        {
            _round.RootMessageId = root.MessageId;
            _round.ThreadId = thread.ThreadId;
            _deps.Rounds.Save(_round);
        }
    }

    private async Task OpenAsync(int index, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _round.Current = index;
            _round.OpenedAt = _deps.Time.GetUtcNow().UtcDateTime;
            _round.QuestionMessageId = null;
            _answered.Clear();
            _recording.Clear();
            _open = true;
            _deps.Rounds.Save(_round);
        }

        await PostQuestionAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task PostQuestionAsync(CancellationToken cancellationToken)
    {
        var (question, card) = QuestionAt(_round.Current);
        var remaining = Deadline() - _deps.Time.GetUtcNow();
        var reply = MatchView.Question(_round, question, card, _round.Current, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, _lang);
        try
        {
            var posted = await _deps.Publisher.PostAsync(QuestionAddress(), reply, $"q{_round.Id}{_round.Current}", cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _round.QuestionMessageId = posted.MessageId;
                _deps.Rounds.Save(_round);
            }
        }
        catch (PublishException ex)
        {
            LogPublishFailed(_deps.Logger, _round.Id, ex.Failure, ex);
        }
    }

    /// <summary>Waits until <paramref name="until"/>, a stop, or (for a question) everyone having answered. True when stopped.</summary>
    private async Task<bool> WaitAsync(DateTimeOffset until, bool countdown, CancellationToken cancellationToken)
    {
        var nextEdit = _deps.Time.GetUtcNow() + _deps.CountdownInterval;
        while (true)
        {
            while (_inbox.Reader.TryRead(out var signal))
            {
                if (signal is RoundSignal.Stop)
                {
                    _stopRequested = true;
                }
            }

            if (_stopRequested)
            {
                return true;
            }

            if (countdown && EveryoneAnswered())
            {
                return false;
            }

            var now = _deps.Time.GetUtcNow();
            if (now >= until)
            {
                return false;
            }

            if (countdown && now >= nextEdit)
            {
                await EditQuestionAsync(until - now, cancellationToken).ConfigureAwait(false);
                nextEdit = now + _deps.CountdownInterval;
            }

            var wake = countdown && nextEdit < until ? nextEdit : until;
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = DeadlineDelay.Until(_deps.Time, wake, timer.Token);
            _pendingRead ??= _inbox.Reader.WaitToReadAsync(cancellationToken).AsTask();
            var first = await Task.WhenAny(delay, _pendingRead).ConfigureAwait(false);
            if (first == _pendingRead)
            {
                _pendingRead = null;
            }

            await timer.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private bool EveryoneAnswered()
    {
        lock (_gate)
        {
            // The first question always runs its full time so everyone can join; after that the
            // participants are the people who have answered at least once.
            return _round.Current > 0 && _participants.Count > 0 && _participants.All(_answered.Contains);
        }
    }

    private async Task EditQuestionAsync(TimeSpan? remaining, CancellationToken cancellationToken)
    {
        if (_round.QuestionMessageId is null)
        {
            return;
        }

        var (question, card) = QuestionAt(_round.Current);
        try
        {
            var message = new PostedMessage(QuestionAddress(), _round.QuestionMessageId);
            await _deps.Publisher.UpdateAsync(message, MatchView.Question(_round, question, card, _round.Current, remaining, _lang), cancellationToken).ConfigureAwait(false);
        }
        catch (PublishException ex)
        {
            LogPublishFailed(_deps.Logger, _round.Id, ex.Failure, ex);
        }
    }

    private async Task CloseAsync(CancellationToken cancellationToken)
    {
        Task[] pending;
        lock (_gate)
        {
            _open = false;
            pending = [.. _recording];
        }

        // Every press that was accepted before the close is committed before scoring.
        await Task.WhenAll(pending.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
        var index = _round.Current;
        var (question, scored) = Marked(index);
        var tenant = Tenant;
        var limit = TimeSpan.FromSeconds(_round.Seconds);
        lock (_gate)
        {
            _deps.Database.InTransaction(db =>
            {
                var byUser = scored.ToDictionary(a => a.Answer.UserId, StringComparer.Ordinal);
                foreach (var (answer, correct) in scored)
                {
                    var player = _round.Players.FirstOrDefault(p => p.UserId == answer.UserId);
                    if (player is null)
                    {
                        var team = _round.Teams ? _deps.Teams.Of(tenant, answer.UserId) : null;
                        player = new PlayerDocument { UserId = answer.UserId, Name = answer.UserName, TeamKey = team?.TeamKey, TeamName = team?.TeamName };
                        _round.Players.Add(player);
                        _participants.Add(answer.UserId);
                    }

                    var elapsed = TimeSpan.FromMilliseconds(answer.ElapsedMs);
                    long points = 0;
                    player.Answered++;
                    if (correct)
                    {
                        player.Streak++;
                        player.Correct++;
                        points = MatchScoring.Base(elapsed, limit) + MatchScoring.StreakBonus(player.Streak);
                    }
                    else
                    {
                        player.Streak = 0;
                    }

                    player.Points += points;
                    var at = new DateTimeOffset(answer.At, TimeSpan.Zero);
                    _deps.Scores.Record(db, tenant, answer.UserId, points, correct, at);
                    _deps.Memory.Apply(db, tenant, answer.UserId, question.ConceptId, question.Id, AnswerGrading.ForLimit(correct, elapsed, limit), at);
                }

                foreach (var player in _round.Players.Where(p => !byUser.ContainsKey(p.UserId)))
                {
                    player.Streak = 0;
                }

                _round.Scored = index;
                db.GetCollection<RoundDocument>(RoundStore.RoundCollection).Upsert(_round);
                return 0;
            });
        }

        _lastClose = _deps.Time.GetUtcNow();
        await EditQuestionAsync(null, cancellationToken).ConfigureAwait(false);
        await RevealAsync(index, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The question's committed answers, fastest first, each marked right or wrong.</summary>
    private (QuizQuestion Question, List<(AnswerDocument Answer, bool Correct)> Scored) Marked(int index)
    {
        var (question, _) = QuestionAt(index);
        var answers = _deps.Rounds.Answers(_round.Id, index).OrderBy(a => a.ElapsedMs).ThenBy(a => a.At).ToList();
        return (question, answers.Select(a => (Answer: a, Correct: a.Option == question.Answer)).ToList());
    }

    private async Task RevealAsync(int index, CancellationToken cancellationToken)
    {
        var (question, scored) = Marked(index);
        await PublishAsync(QuestionAddress(), MatchView.Result(_round, question, index, scored, _lang), $"a{_round.Id}{index}", cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _round.Revealed = index;
            _deps.Rounds.Save(_round);
        }
    }

    private async Task FinishAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _round.Stopped = _stopRequested || _round.Scored + 1 < _round.QuestionIds.Count;
            _round.Running = false;
            _round.StandingsPending = true;
            _round.EndedAt = _deps.Time.GetUtcNow().UtcDateTime;
            _deps.Rounds.Save(_round);
        }

        await PostStandingsAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task PostStandingsAsync(CancellationToken cancellationToken)
    {
        var standings = MatchView.Standings(_round, _lang);
        await PublishAsync(QuestionAddress(), standings, $"s{_round.Id}", cancellationToken).ConfigureAwait(false);
        if (_round.ThreadId is not null && _round.StartThreadId is null)
        {
            await PublishAsync(StartAddress(), standings, $"f{_round.Id}", cancellationToken).ConfigureAwait(false);
        }

        lock (_gate)
        {
            _round.StandingsPending = false;
            _deps.Rounds.Save(_round);
        }
    }

    private async Task PublishAsync(ConversationAddress where, Reply reply, string key, CancellationToken cancellationToken)
    {
        try
        {
            await _deps.Publisher.PostAsync(where, reply, key, cancellationToken).ConfigureAwait(false);
        }
        catch (PublishException ex)
        {
            LogPublishFailed(_deps.Logger, _round.Id, ex.Failure, ex);
        }
    }

    private DateTimeOffset Deadline() => new DateTimeOffset(_round.OpenedAt!.Value, TimeSpan.Zero).AddSeconds(_round.Seconds);

    private (QuizQuestion Question, ConceptCard? Card) QuestionAt(int index)
    {
        var question = _deps.Catalog.FindQuestion(_round.QuestionIds[index])
            ?? throw new InvalidOperationException($"Question '{_round.QuestionIds[index]}' is no longer in the catalogue.");
        return (question, _deps.Catalog.Find(question.ConceptId));
    }

    private ConversationAddress StartAddress() => new(Enum.Parse<Platform>(_round.Platform), _round.TenantId, _round.ChannelId, _round.StartThreadId);

    private ConversationAddress QuestionAddress() => StartAddress() with { ThreadId = _round.ThreadId ?? _round.StartThreadId };

    [LoggerMessage(Level = LogLevel.Error, Message = "Quiz round {Round} failed and was ended")]
    private static partial void LogRoundFailed(ILogger logger, string round, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quiz round {Round}: posting failed ({Failure})")]
    private static partial void LogPublishFailed(ILogger logger, string round, PublishFailure failure, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Quiz round {Round}: recording an answer failed; the press did not count")]
    private static partial void LogRecordFailed(ILogger logger, string round, Exception exception);
}
