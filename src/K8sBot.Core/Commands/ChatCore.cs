using System.Diagnostics;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;
using K8sBot.Core.Storage;
using K8sBot.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace K8sBot.Core.Commands;

/// <summary>
/// The command core: parses text, routes commands and button presses to their handlers, picks
/// the reply language, enforces admin-only commands, and turns every failure into a friendly
/// reply so no adapter ever sees an exception for something a user did.
/// </summary>
public sealed partial class ChatCore : IChatCore
{
    private static readonly LocalizedText Usage = new("사용법", "Usage");
    private static readonly LocalizedText HelpHint = new("`help {0}`에서 자세히 볼 수 있어요.", "See `help {0}` for details.");
    private static readonly LocalizedText Unknown = new("`{0}`은(는) 모르는 명령이에요.", "`{0}` is not a command I know.");
    private static readonly LocalizedText DidYouMean = new("혹시 `{0}`을(를) 찾으셨나요?", "Did you mean `{0}`?");
    private static readonly LocalizedText SeeHelp = new("`help`로 명령 목록을 볼 수 있어요.", "`help` lists the commands.");
    private static readonly LocalizedText GroupTitle = new("`{0}` 명령", "`{0}` commands");
    private static readonly LocalizedText AdminOnly = new(
        "이 명령은 관리자만 쓸 수 있어요. 채널 관리자에게 부탁해 주세요.",
        "Only admins can use this command. Please ask an admin of this server or workspace.");
    private static readonly LocalizedText NotAvailable = new("이 기능은 아직 준비 중이에요.", "This feature is not available yet.");
    private static readonly LocalizedText ExpiredButton = new("이 버튼은 더 이상 쓸 수 없어요.", "This button no longer works.");
    private static readonly LocalizedText Failure = new(
        "앗, 처리하다 문제가 생겼어요. 잠시 후 다시 시도해 주세요. 🙏",
        "Sorry, something went wrong on my side. Please try again in a moment. 🙏");

    private readonly CommandLineParser _parser;
    private readonly Dictionary<string, ICommandHandler> _handlers;
    private readonly Dictionary<string, IButtonHandler> _buttons;
    private readonly UserProfileStore _profiles;
    private readonly IReadOnlyList<IMessageGate> _gates;
    private readonly ILogger<ChatCore> _logger;
    private readonly BotMetrics? _metrics;

    public ChatCore(
        IEnumerable<ICommandHandler> handlers,
        IEnumerable<IButtonHandler> buttons,
        IEnumerable<IMessageGate> gates,
        UserProfileStore profiles,
        ILogger<ChatCore> logger,
        BotMetrics? metrics = null)
    {
        _parser = new CommandLineParser(BotCommands.All);
        _handlers = handlers.ToDictionary(h => h.Spec.Path, StringComparer.Ordinal);
        _buttons = buttons.ToDictionary(b => b.ActionPrefix, StringComparer.Ordinal);
        _gates = [.. gates];
        _profiles = profiles;
        _logger = logger;
        _metrics = metrics;
    }

    public async Task<IReadOnlyList<Reply>> HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await HandleCoreAsync(message, cancellationToken);
        }
        finally
        {
            Record(message, started);
        }
    }

    private async Task<IReadOnlyList<Reply>> HandleCoreAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var lang = Lang.Ko;
        try
        {
            var tenant = message.Where.Tenant;
            _profiles.Touch(tenant, message.User);
            var saved = _profiles.LanguageOf(tenant, message.User.Id);
            lang = LanguageResolver.Resolve(saved, null, message.User.Locale);

            foreach (var gate in _gates)
            {
                var verdict = gate.Check(message, lang);
                if (!verdict.Allowed)
                {
                    return verdict.Reply is null ? [] : [verdict.Reply];
                }
            }

            if (message.Button is { } press)
            {
                return await HandleButtonAsync(message, press, lang, cancellationToken);
            }

            var outcome = _parser.Parse(message.Text ?? string.Empty);
            if (outcome is ParseOutcome.FreeText free)
            {
                outcome = new ParseOutcome.Command(BotCommands.Ask, new CommandArgs(new Dictionary<string, string> { ["question"] = free.Text }));
            }

            if (outcome is ParseOutcome.Command { Spec.Path: "ask" } ask)
            {
                lang = LanguageResolver.Resolve(saved, ask.Args.Text("question"), message.User.Locale);
            }

            return outcome switch
            {
                ParseOutcome.Command command => await RunAsync(message, command, lang, cancellationToken),
                ParseOutcome.BadArguments bad => [BadArguments(bad, lang)],
                ParseOutcome.IncompleteGroup group => [Group(group, lang)],
                ParseOutcome.UnknownCommand unknown => [UnknownCommand(unknown, lang)],
                _ => [Reply.Text(SeeHelp.For(lang), ReplyKind.Info, ReplyVisibility.Private)],
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogHandlerFailed(_logger, message.Where.Platform, message.Text is null ? "button" : "text", ex);
            return [Reply.Text(Failure.For(lang), ReplyKind.Error, ReplyVisibility.Private)];
        }
    }

    private async Task<IReadOnlyList<Reply>> RunAsync(IncomingMessage message, ParseOutcome.Command command, Lang lang, CancellationToken cancellationToken)
    {
        if (command.Spec.AdminOnly && !message.User.IsAdmin)
        {
            return [Reply.Text(AdminOnly.For(lang), ReplyKind.Warning, ReplyVisibility.Private)];
        }

        if (!_handlers.TryGetValue(command.Spec.Path, out var handler))
        {
            return [Reply.Text(NotAvailable.For(lang), ReplyKind.Info, ReplyVisibility.Private)];
        }

        LogCommand(_logger, command.Spec.Path, message.Where.Platform);
        return await handler.HandleAsync(new CommandContext(message, command.Spec, command.Args, lang), cancellationToken);
    }

    private async Task<IReadOnlyList<Reply>> HandleButtonAsync(IncomingMessage message, ButtonPress press, Lang lang, CancellationToken cancellationToken)
    {
        var dot = press.ActionId.IndexOf('.', StringComparison.Ordinal);
        var prefix = dot > 0 ? press.ActionId[..dot] : press.ActionId;
        if (!_buttons.TryGetValue(prefix, out var handler))
        {
            return [Reply.Text(ExpiredButton.For(lang), ReplyKind.Warning, ReplyVisibility.Private)];
        }

        return await handler.HandleAsync(new ButtonContext(message, press, lang), cancellationToken);
    }

    /// <summary>
    /// Tags stay low-cardinality: the command path (never free text), "button" for presses.
    /// Parsed twice on purpose so routing above stays untouched; parsing is cheap and pure.
    /// </summary>
    private void Record(IncomingMessage message, long started)
    {
        if (_metrics is null)
        {
            return;
        }

        var command = message.Button is not null ? "button"
            : _parser.Parse(message.Text ?? string.Empty) switch
            {
                ParseOutcome.Command c => c.Spec.Path,
                ParseOutcome.FreeText => BotCommands.Ask.Path,
                ParseOutcome.BadArguments b => b.Spec.Path,
                _ => "unknown",
            };
        var tags = new TagList { { "command", command }, { "platform", message.Where.Platform.ToString().ToLowerInvariant() } };
        _metrics.Commands.Add(1, tags);
        _metrics.AnswerLatency.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
    }

    private static Reply BadArguments(ParseOutcome.BadArguments bad, Lang lang)
    {
        var text = $"{bad.Problem.For(lang)}\n**{Usage.For(lang)}:** `{bad.Spec.Usage}`\n{HelpHint.Format(lang, bad.Spec.Path)}";
        return Reply.Text(text, ReplyKind.Warning, ReplyVisibility.Private);
    }

    private static Reply Group(ParseOutcome.IncompleteGroup group, Lang lang)
    {
        var detail = HelpCommand.Detail(group.Commands, lang);
        var title = group.Group.Length == 0 ? SeeHelp.For(lang) : GroupTitle.Format(lang, group.Group);
        return detail with { Blocks = [new MarkdownBlock($"**{title}**"), .. detail.Blocks], Kind = ReplyKind.Warning };
    }

    private static Reply UnknownCommand(ParseOutcome.UnknownCommand unknown, Lang lang)
    {
        var text = Unknown.Format(lang, CommandLineParser.Escape(unknown.Word));
        text += unknown.Suggestion is { } s ? " " + DidYouMean.Format(lang, s.Usage) : " " + SeeHelp.For(lang);
        return Reply.Text(text, ReplyKind.Warning, ReplyVisibility.Private);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Command {Command} on {Platform}")]
    private static partial void LogCommand(ILogger logger, string command, Platform platform);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a {Kind} message from {Platform} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Platform platform, string kind, Exception exception);
}
