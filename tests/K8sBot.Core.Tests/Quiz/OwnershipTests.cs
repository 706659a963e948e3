using K8sBot.Core.Commands;
using K8sBot.Core.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace K8sBot.Core.Tests.Quiz;

public sealed class OwnershipTests : IDisposable
{
    private readonly TempDb _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_round_only_starts_in_the_process_that_owns_the_tenant()
    {
        var filter = new Mock<ITenantFilter>();
        filter.SetupGet(f => f.Platform).Returns(Platform.Console);
        filter.Setup(f => f.Owns("local")).Returns(false);
        var publisher = new Mock<IChatPublisher>(MockBehavior.Strict);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        await using var host = new QuizHost(_db.Path, time, publisher.Object, configure: s => s.AddSingleton(filter.Object));
        var where = new ConversationAddress(Platform.Console, "local", "c1");

        var reply = await host.Get<IChatCore>().HandleAsync(IncomingMessage.FromText(where, new ChatUser("ann", "Ann", "en"), "match start 3 5", time.GetUtcNow()), default);

        Assert.Contains("Another bot instance handles this workspace", reply.Single().Fallback, StringComparison.Ordinal);
        publisher.VerifyNoOtherCalls();
    }
}
