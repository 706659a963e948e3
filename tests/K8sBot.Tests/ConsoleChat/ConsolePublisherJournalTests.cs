using K8sBot.ConsoleChat;
using K8sBot.Core.Messaging;
using K8sBot.Core.Storage;
using K8sBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace K8sBot.Tests.ConsoleChat;

public sealed class ConsolePublisherJournalTests
{
    private static readonly ConversationAddress Console = new(Platform.Console, ConversationAddress.LocalTenant, ConsoleSession.Channel);
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_card_shown_before_a_restart_is_known_as_delivered_after_it()
    {
        using var folder = new TempFolder();
        var output = new StringWriter();
        using (var database = Open(folder))
        {
            var publisher = new ConsolePublisher(new ConsoleSession(output, colour: false), database);
            var ticket = publisher.Issue(Console, "dc0123456789abcdef012345", Now, null);
            await publisher.PostTrackedAsync(Console, Reply.Text("Today's card: **Pod**"), ticket, CancellationToken.None);
        }

        using (var database = Open(folder))
        {
            var restarted = new ConsolePublisher(new ConsoleSession(new StringWriter(), colour: false), database);
            var card = Reply.Text("Today's card: **Pod**");

            Assert.Equal(DeliveryState.Delivered, await restarted.CheckAsync(Console, card, new DeliveryTicket("dc0123456789abcdef012345", Now), CancellationToken.None));
            Assert.Equal(DeliveryState.NotDelivered, await restarted.CheckAsync(Console, card, new DeliveryTicket("dc9999999999999999999999", Now), CancellationToken.None));
        }

        Assert.Contains("Pod", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_journal_keeps_its_newest_keys_when_it_grows_past_its_limit()
    {
        using var folder = new TempFolder();
        var journal = new DeliveredJournal(folder.File("bot.db.delivered"));
        var lines = (int)(DeliveredJournal.MaxBytes / 20) + 10;
        for (var i = 0; i < lines; i++)
        {
            journal.Add($"console:local:console dc{i:D22}");
        }

        Assert.True(new FileInfo(journal.Path).Length <= DeliveredJournal.MaxBytes);
        Assert.True(journal.Contains($"console:local:console dc{lines - 1:D22}"));
        Assert.False(journal.Contains("console:local:console dc" + 0.ToString("D22", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static BotDatabase Open(TempFolder folder) =>
        new(Options.Create(new StorageOptions { Path = folder.File("bot.db") }), [], NullLogger<BotDatabase>.Instance);
}
