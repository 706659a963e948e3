using System.Text.Json.Nodes;
using K8sBot.Core.Commands;
using K8sBot.Core.Content;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;
using K8sBot.Discord.Configuration;
using K8sBot.Discord.Gateway;
using K8sBot.Discord.Rendering;
using K8sBot.Discord.Rest;
using K8sBot.Discord.Timing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace K8sBot.Discord.Interactions;

/// <summary>
/// Answers every interaction exactly once within Discord's 3 s: directly (type 4, or 7 when a
/// button's reply replaces its message) when the core is quick, otherwise a defer (5, or 6 for
/// buttons) followed by an edit of the original or a follow-up. Autocomplete and the adapter's own
/// "more" button are answered here without the core.
/// </summary>
internal sealed partial class InteractionHandler(
    IChatCore core,
    DiscordRestClient rest,
    DiscordRenderer renderer,
    OverflowStore overflow,
    ConceptLookup concepts,
    DiscordIdentity identity,
    IOptions<DiscordOptions> options,
    Pacer pacer,
    ILogger<InteractionHandler> logger)
{
    private static readonly LocalizedText Expired = new("이 버튼은 더 이상 쓸 수 없어요. 명령을 다시 실행해 주세요.", "This button has expired. Please run the command again.");
    private static readonly LocalizedText Unsupported = new("이 상호작용은 지원하지 않아요. `/k8s help`를 써 보세요.", "I can't handle that interaction. Try `/k8s help`.");
    private static readonly LocalizedText Done = new("완료했어요.", "Done.");
    private static readonly LocalizedText Failure = new("앗, 처리하다 문제가 생겼어요. 잠시 후 다시 시도해 주세요. 🙏", "Sorry, something went wrong on my side. Please try again in a moment. 🙏");

    public async Task HandleAsync(JsonObject interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var call = new Call(
            interaction["id"]?.GetValue<string>() ?? string.Empty,
            interaction["token"]?.GetValue<string>() ?? string.Empty,
            interaction["application_id"]?.GetValue<string>() ?? identity.ApplicationId ?? options.Value.ApplicationId ?? string.Empty,
            interaction["type"]?.GetValue<int>() ?? 0);
        var lang = LangExtensions.TryParse(interaction["locale"]?.GetValue<string>(), out var parsed) ? parsed : Lang.Ko;
        try
        {
            switch (call.Type)
            {
                case InteractionTypes.Autocomplete:
                    await CallbackAsync(call, new JsonObject { ["type"] = CallbackTypes.AutocompleteResult, ["data"] = new JsonObject { ["choices"] = Choices(interaction, lang) } }, cancellationToken);
                    return;
                case InteractionTypes.MessageComponent when DiscordRenderer.ParseCustomId(interaction["data"]?["custom_id"]?.GetValue<string>(), null) is { ActionId: OverflowStore.Action } more:
                    var continued = overflow.Take(more.Value) ?? Reply.Text(Expired.For(lang), ReplyKind.Warning, ReplyVisibility.Private);
                    await CallbackAsync(call, Message(CallbackTypes.ChannelMessage, continued with { Visibility = ReplyVisibility.Private }), cancellationToken);
                    return;
            }

            var message = InteractionTranslator.Translate(interaction, pacer.Now);
            if (message is null)
            {
                if (call.Type is InteractionTypes.ApplicationCommand or InteractionTypes.MessageComponent or InteractionTypes.ModalSubmit)
                {
                    await CallbackAsync(call, Message(CallbackTypes.ChannelMessage, Reply.Text(Unsupported.For(lang), ReplyKind.Warning, ReplyVisibility.Private)), cancellationToken);
                }

                return;
            }

            // The deadline starts first and the core runs on the pool, so even a core that blocks
            // before its first await cannot push the acknowledgement past Discord's 3 s.
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timer = pacer.DelayAsync(options.Value.DeferAfter, "defer", deadline.Token);
            var work = Task.Run(() => core.HandleAsync(message, cancellationToken), cancellationToken);
            if (await Task.WhenAny(work, timer) == work)
            {
                await deadline.CancelAsync();
                await RespondAsync(call, await work, lang, cancellationToken);
                return;
            }

            // The core is slow (LLM, database): acknowledge now, answer when it is done.
            await CallbackAsync(call, new JsonObject { ["type"] = call.IsComponent ? CallbackTypes.DeferredUpdateMessage : CallbackTypes.DeferredChannelMessage }, cancellationToken);
            await CompleteAsync(call, await work, lang, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is DiscordRestException or HttpRequestException)
        {
            LogFailed(logger, call.Type, ex.Message);
        }
        catch (Exception ex)
        {
            // Never leave a user staring at "The application did not respond".
            LogCrashed(logger, call.Type, ex);
            await TryApologiseAsync(call, lang, cancellationToken);
        }
    }

    private async Task TryApologiseAsync(Call call, Lang lang, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref call.Responded) == 1 || call.Type == InteractionTypes.Autocomplete)
        {
            return;
        }

        try
        {
            await CallbackAsync(call, Message(CallbackTypes.ChannelMessage, Reply.Text(Failure.For(lang), ReplyKind.Error, ReplyVisibility.Private)), cancellationToken);
        }
        catch (Exception ex) when (ex is DiscordRestException or HttpRequestException)
        {
            LogFailed(logger, call.Type, ex.Message);
        }
    }

    private async Task RespondAsync(Call call, IReadOnlyList<Reply> replies, Lang lang, CancellationToken cancellationToken)
    {
        if (replies.Count == 0)
        {
            var ack = call.IsComponent
                ? new JsonObject { ["type"] = CallbackTypes.DeferredUpdateMessage }
                : Message(CallbackTypes.ChannelMessage, Reply.Text(Done.For(lang), ReplyKind.Success, ReplyVisibility.Private));
            await CallbackAsync(call, ack, cancellationToken);
            return;
        }

        var first = replies[0];
        var type = call.IsComponent && first.ReplacesOriginal ? CallbackTypes.UpdateMessage : CallbackTypes.ChannelMessage;
        await CallbackAsync(call, Message(type, first), cancellationToken);
        await FollowUpsAsync(call, replies.Skip(1), cancellationToken);
    }

    private async Task CompleteAsync(Call call, IReadOnlyList<Reply> replies, Lang lang, CancellationToken cancellationToken)
    {
        var original = $"/webhooks/{call.ApplicationId}/{call.Token}/messages/@original";
        if (replies.Count == 0)
        {
            if (!call.IsComponent)
            {
                await rest.SendAsync(HttpMethod.Patch, original, renderer.Render(Reply.Text(Done.For(lang), ReplyKind.Success)).Body, cancellationToken);
            }

            return;
        }

        var first = replies[0];
        var others = replies.Skip(1);
        if (call.IsComponent)
        {
            if (first.ReplacesOriginal)
            {
                await rest.SendAsync(HttpMethod.Patch, original, renderer.Render(first).Body, cancellationToken);
            }
            else
            {
                others = replies;
            }
        }
        else if (first.Visibility == ReplyVisibility.Private)
        {
            // A public "thinking…" cannot turn ephemeral: remove it and answer privately instead.
            await rest.SendAsync(HttpMethod.Delete, original, null, cancellationToken);
            others = replies;
        }
        else
        {
            await rest.SendAsync(HttpMethod.Patch, original, renderer.Render(first).Body, cancellationToken);
        }

        await FollowUpsAsync(call, others, cancellationToken);
    }

    private async Task FollowUpsAsync(Call call, IEnumerable<Reply> replies, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            await rest.SendAsync(HttpMethod.Post, $"/webhooks/{call.ApplicationId}/{call.Token}", Body(reply), cancellationToken);
        }
    }

    private async Task CallbackAsync(Call call, JsonObject response, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref call.Responded, 1) == 1)
        {
            return;
        }

        try
        {
            await rest.SendAsync(HttpMethod.Post, $"/interactions/{call.Id}/{call.Token}/callback", response, cancellationToken);
        }
        catch (DiscordRestException ex) when (ex.AlreadyAcknowledged)
        {
            // A retried callback that did arrive the first time: the answer is already there.
        }
    }

    private JsonObject Message(int type, Reply reply) => new() { ["type"] = type, ["data"] = type == CallbackTypes.UpdateMessage ? renderer.Render(reply).Body : Body(reply) };

    private JsonObject Body(Reply reply)
    {
        var body = renderer.Render(reply).Body;
        if (reply.Visibility == ReplyVisibility.Private)
        {
            body["flags"] = DiscordRenderer.EphemeralFlag;
        }

        return body;
    }

    private JsonArray Choices(JsonObject interaction, Lang lang)
    {
        var focused = Focused(interaction["data"]?["options"] as JsonArray);
        var choices = new JsonArray();
        foreach (var card in concepts.Complete(focused, 25))
        {
            var title = card.Text(lang).Title;
            choices.Add(new JsonObject { ["name"] = TextCutter.Truncate(title, 100), ["value"] = card.Id });
        }

        return choices;
    }

    private static string? Focused(JsonArray? options)
    {
        foreach (var option in options?.OfType<JsonObject>() ?? [])
        {
            if (option["focused"] is JsonValue f && f.TryGetValue<bool>(out var focused) && focused)
            {
                return option["value"]?.ToString();
            }

            if (Focused(option["options"] as JsonArray) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    private sealed class Call(string id, string token, string applicationId, int type)
    {
        public int Responded;

        public string Id => id;

        public string Token => token;

        public string ApplicationId => applicationId;

        public int Type => type;

        public bool IsComponent => type == InteractionTypes.MessageComponent;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a Discord interaction of type {Type} failed")]
    private static partial void LogCrashed(ILogger logger, int type, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answering a Discord interaction of type {Type} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, int type, string reason);
}
