using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;
using K8sBot.Core.Storage;

namespace K8sBot.Core.Commands;

/// <summary><c>lang ko|en</c>: saves the user's reply language.</summary>
public sealed class LangCommand(UserProfileStore profiles) : ICommandHandler
{
    private static readonly LocalizedText Saved = new("이제부터 한국어로 답할게요.", "I'll reply in English from now on.");

    public CommandSpec Spec => BotCommands.Lang;

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        LangExtensions.TryParse(context.Args.Text("language"), out var lang);
        profiles.SetLanguage(context.Where.Tenant, context.User, lang);
        return Task.FromResult<IReadOnlyList<Reply>>([Reply.Text(Saved.For(lang), ReplyKind.Success, ReplyVisibility.Private)]);
    }
}
