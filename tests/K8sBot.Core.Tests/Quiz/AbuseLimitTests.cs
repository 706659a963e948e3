using K8sBot.Core.Commands;
using K8sBot.Core.Messaging;
using Microsoft.Extensions.Time.Testing;

namespace K8sBot.Core.Tests.Quiz;

/// <summary>Per-tenant team cap (issue 10 abuse limits); the channel cooldown is covered end to end in the console test.</summary>
public sealed class AbuseLimitTests : IDisposable
{
    private readonly TempDb _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_tenant_cannot_create_more_teams_than_the_cap_but_can_still_join_existing_ones()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        await using var host = new QuizHost(_db.Path, time, settings: new Dictionary<string, string?> { ["Limits:MaxTeamsPerTenant"] = "2" });
        var core = host.Get<IChatCore>();
        var where = new ConversationAddress(Platform.Slack, "T1", "C1");
        async Task<Reply> Say(string user, string text) =>
            (await core.HandleAsync(IncomingMessage.FromText(where, new ChatUser(user, user, "en"), text, time.GetUtcNow()), default)).Single();

        Assert.Equal(ReplyKind.Success, (await Say("a", "team join Blue")).Kind);
        Assert.Equal(ReplyKind.Success, (await Say("b", "team join Red")).Kind);
        var third = await Say("c", "team join Green");
        Assert.Equal(ReplyKind.Warning, third.Kind);
        Assert.Contains("already has 2 teams", third.Fallback, StringComparison.Ordinal);
        Assert.Equal(ReplyKind.Success, (await Say("c", "team join blue")).Kind);

        var otherTenant = (await core.HandleAsync(IncomingMessage.FromText(new ConversationAddress(Platform.Slack, "T2", "C1"), new ChatUser("z", "z", "en"), "team join Green", time.GetUtcNow()), default)).Single();
        Assert.Equal(ReplyKind.Success, otherTenant.Kind);
    }
}
