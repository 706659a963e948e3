using K8sBot.Core.Limits;
using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace K8sBot.Core.Tests.Limits;

public sealed class CommandRateLimitGateTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
    private readonly CommandRateLimitGate _gate;

    public CommandRateLimitGateTests() =>
        _gate = new CommandRateLimitGate(Options.Create(new LimitsOptions { CommandsPerWindow = 8, CommandWindowSeconds = 10 }), _time);

    private static IncomingMessage From(string user) =>
        IncomingMessage.FromText(new ConversationAddress(Platform.Slack, "T1", "C1"), new ChatUser(user, user), "help", default);

    [Fact]
    public void Eight_commands_pass_then_one_slow_down_then_silence()
    {
        for (var i = 0; i < 8; i++)
        {
            Assert.True(_gate.Check(From("u1"), Lang.En).Allowed);
        }

        var refused = _gate.Check(From("u1"), Lang.Ko);
        Assert.False(refused.Allowed);
        Assert.Equal(ReplyVisibility.Private, refused.Reply?.Visibility);
        Assert.Contains("천천히", refused.Reply!.Fallback, StringComparison.Ordinal);

        for (var i = 0; i < 5; i++)
        {
            var again = _gate.Check(From("u1"), Lang.Ko);
            Assert.False(again.Allowed);
            Assert.Null(again.Reply);
        }
    }

    [Fact]
    public void Tokens_come_back_with_time()
    {
        for (var i = 0; i < 9; i++)
        {
            _gate.Check(From("u1"), Lang.En);
        }

        _time.Advance(TimeSpan.FromSeconds(1.3));
        Assert.True(_gate.Check(From("u1"), Lang.En).Allowed);
        Assert.False(_gate.Check(From("u1"), Lang.En).Allowed);

        _time.Advance(TimeSpan.FromSeconds(10));
        for (var i = 0; i < 8; i++)
        {
            Assert.True(_gate.Check(From("u1"), Lang.En).Allowed);
        }
    }

    [Fact]
    public void Users_have_separate_buckets()
    {
        for (var i = 0; i < 10; i++)
        {
            _gate.Check(From("spammer"), Lang.En);
        }

        Assert.True(_gate.Check(From("someone-else"), Lang.En).Allowed);
    }

}
