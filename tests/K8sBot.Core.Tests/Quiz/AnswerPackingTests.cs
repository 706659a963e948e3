using K8sBot.Core.Quiz;
using K8sBot.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace K8sBot.Core.Tests.Quiz;

public sealed class AnswerPackingTests : IDisposable
{
    private readonly TempDb _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void A_packed_batch_unpacks_to_the_same_answers_with_their_ids_rebuilt_from_the_batch()
    {
        var at = new DateTime(2026, 12, 1, 0, 0, 1, 234, DateTimeKind.Utc);
        AnswerDocument[] answers =
        [
            new() { Id = "r1:3:U024BE7LH", UserId = "U024BE7LH", UserName = "지민 🚀 ‮evil", Option = 3, ElapsedMs = 19_999, At = at },
            new() { Id = "r1:3:80351110224678912", UserId = "80351110224678912", UserName = string.Empty, Option = 0, ElapsedMs = 0, At = at.AddTicks(1) },
        ];

        var batch = new AnswerBatchDocument { Id = "r1:3:" + LiteDB.ObjectId.NewObjectId(), Packed = AnswerPacking.Pack(answers) };
        var back = batch.Unpack();

        Assert.Equal(answers.Select(a => (a.Id, a.UserId, a.UserName, a.Option, a.ElapsedMs, a.At)), back.Select(a => (a.Id, a.UserId, a.UserName, a.Option, a.ElapsedMs, a.At)));
        Assert.All(back, a => Assert.Equal(DateTimeKind.Utc, a.At.Kind));
    }

    [Fact]
    public void An_unknown_format_version_is_refused_rather_than_misread()
    {
        var packed = AnswerPacking.Pack([new AnswerDocument { Id = "r:0:u", UserId = "u", UserName = "u" }]);
        packed[0] = 99;

        Assert.Throws<InvalidDataException>(() => AnswerPacking.Unpack("r:0:", packed));
    }

    [Fact]
    public async Task Batches_stored_before_packing_are_still_read_next_to_packed_ones()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        await using var host = new QuizHost(_db.Path, time);
        var at = time.GetUtcNow().UtcDateTime;

        // The earlier layout: one sub-document per answer, written here as a raw document so the
        // test does not depend on how the current class would map it.
        var old = new LiteDB.BsonDocument
        {
            ["_id"] = "r9:0:" + LiteDB.ObjectId.NewObjectId(),
            ["Answers"] = new LiteDB.BsonArray(new LiteDB.BsonValue[]
            {
                new LiteDB.BsonDocument { ["_id"] = "r9:0:ann", ["UserId"] = "ann", ["UserName"] = "Ann", ["Option"] = 2, ["ElapsedMs"] = 1500, ["At"] = at },
            }),
        };
        host.Get<BotDatabase>().Database.GetCollection(RoundStore.AnswerCollection).Insert(old);
        await host.Get<AnswerRecorder>().RecordAsync(new AnswerDocument { Id = "r9:0:bob", UserId = "bob", UserName = "Bob", Option = 1, ElapsedMs = 900, At = at }).WaitAsync(TimeSpan.FromSeconds(10));

        var answers = host.Get<RoundStore>().Answers("r9", 0).OrderBy(a => a.UserId, StringComparer.Ordinal).ToList();

        Assert.Equal([("r9:0:ann", "ann", 2, 1500), ("r9:0:bob", "bob", 1, 900)], answers.Select(a => (a.Id, a.UserId, a.Option, a.ElapsedMs)));
    }
}
