using K8sBot.Core.Localization;
using K8sBot.Core.Messaging;
using K8sBot.Core.Storage;
using K8sBot.Core.Tests.Support;
using LiteDB;

namespace K8sBot.Core.Tests.Storage;

public sealed class BotDatabaseTests : IDisposable
{
    private readonly TempDatabase _temp = new();
    private static readonly TenantKey Tenant = new(Platform.Discord, "guild-1");

    [Fact]
    public void Opening_creates_the_folder_and_migrates_to_the_latest_schema()
    {
        using var database = _temp.Open();
        Assert.True(File.Exists(_temp.FilePath));
        Assert.Equal(1, database.SchemaVersion);
    }

    [Fact]
    public void Profiles_round_trip_and_survive_reopening()
    {
        using (var database = _temp.Open())
        {
            new UserProfileStore(database).SetLanguage(Tenant, new ChatUser("u1", "Min"), Lang.En);
        }

        using (var reopened = _temp.Open())
        {
            var profile = new UserProfileStore(reopened).Find(Tenant, "u1");
            Assert.NotNull(profile);
            Assert.Equal(Lang.En, profile.Lang);
            Assert.Equal("Min", profile.DisplayName);
        }
    }

    [Fact]
    public void Records_are_scoped_by_platform_and_tenant()
    {
        using var database = _temp.Open();
        var store = new UserProfileStore(database);
        store.SetLanguage(Tenant, new ChatUser("u1", "Min"), Lang.En);

        Assert.Null(store.Find(new TenantKey(Platform.Slack, "guild-1"), "u1"));
        Assert.Null(store.Find(new TenantKey(Platform.Discord, "guild-2"), "u1"));
    }

    [Fact]
    public void Users_can_be_found_by_display_name()
    {
        using var database = _temp.Open();
        var store = new UserProfileStore(database);
        store.Touch(Tenant, new ChatUser("u7", "Ji-woo"));
        Assert.Equal("u7", store.FindByName(Tenant, "ji-woo")?.UserId);
    }

    [Fact]
    public void Later_migrations_run_once_in_order_and_the_version_is_kept()
    {
        var second = new CountingMigration(2);
        using (var database = _temp.Open(second))
        {
            Assert.Equal(2, database.SchemaVersion);
        }

        using (var again = _temp.Open(second))
        {
            Assert.Equal(2, again.SchemaVersion);
        }

        Assert.Equal(1, second.Runs);
        using var raw = new LiteDatabase(_temp.FilePath);
        Assert.Equal(1, raw.GetCollection("migration_marks").Count());
    }

    [Fact]
    public void A_gap_in_migration_versions_is_refused()
    {
        var ex = Assert.Throws<StorageUnavailableException>(() => _temp.Open(new CountingMigration(3)));
        Assert.Contains(_temp.FilePath, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_file_gives_a_clear_storage_error()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_temp.FilePath)!);
        File.WriteAllBytes(_temp.FilePath, [.. Enumerable.Range(0, 16384).Select(i => (byte)(i * 31 % 251))]);
        var ex = Assert.Throws<StorageUnavailableException>(() => _temp.Open());
        Assert.Contains("Cannot open the database", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_locked_by_another_instance_gives_a_clear_storage_error()
    {
        using var first = _temp.Open();
        var ex = Assert.Throws<StorageUnavailableException>(() => _temp.Open());
        Assert.Contains(_temp.FilePath, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_transaction_leaves_no_partial_write()
    {
        using var database = _temp.Open();
        Assert.Throws<InvalidOperationException>(() => database.InTransaction<int>(db =>
        {
            db.GetCollection("things").Insert(new BsonDocument { ["_id"] = 1 });
            throw new InvalidOperationException("fail mid-way");
        }));
        Assert.Equal(0, database.Database.GetCollection("things").Count());
    }

    public void Dispose() => _temp.Dispose();

    private sealed class CountingMigration(int version) : IDatabaseMigration
    {
        public int Runs { get; private set; }

        public int Version => version;

        public string Description => "test";

        public void Apply(ILiteDatabase database)
        {
            Runs++;
            database.GetCollection("migration_marks").Insert(new BsonDocument { ["v"] = version });
        }
    }
}
