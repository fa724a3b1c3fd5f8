using Microsoft.Extensions.Time.Testing;
using MlValue.Internal;
using MlValue.Monitoring;
using MlValue.PostgreSql.Tests.Support;
using MlValue.Runs;

namespace MlValue.PostgreSql.Tests.Schema;

/// <summary>The versioned migrations: applied on an empty database and from every earlier version, once however many processes start together, and a newer schema refused.</summary>
[TestClass]
public sealed class MigrationTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _schema = PostgresServer.NewSchema();
    private readonly List<PgDatabase> _opened = [];

    [TestCleanup]
    public async Task DropSchemaAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }

        await PostgresServer.DropSchemaAsync(_schema);
    }

    [TestMethod]
    public async Task EnsureSchemaAsync_EmptyDatabase_CreatesTheSchemaAndRecordsEveryVersion()
    {
        await Open().EnsureSchemaAsync(CancellationToken.None);

        Assert.AreEqual(PgMigrations.Latest, await RecordedVersionAsync());
        Assert.AreEqual(PgMigrations.All.Count, await PostgresServer.CountAsync(_schema, "SELECT COUNT(*) FROM mlvalue_schema_version;"));
        foreach (var table in new[] { "models", "model_versions", "blobs", "blob_chunks", "aliases", "alias_moves", "runs", "leases", "checkpoints", "monitor_buckets" })
        {
            Assert.AreEqual(1L, await PostgresServer.CountAsync(_schema, "SELECT COUNT(*) FROM pg_tables WHERE schemaname = @schema AND tablename = @table;", ("schema", _schema), ("table", table)), table);
        }

        Assert.AreEqual(Now, await PostgresServer.ScalarAsync(_schema, "SELECT applied_at FROM mlvalue_schema_version WHERE version = 1;") is DateTime applied ? new DateTimeOffset(applied, TimeSpan.Zero) : default, "the applied time comes from the store's clock");
    }

    [TestMethod]
    public async Task EnsureSchemaAsync_FromEveryEarlierVersion_MigratesToTheLatestAndKeepsTheData()
    {
        for (var earlier = 1; earlier < PgMigrations.Latest; earlier++)
        {
            var schema = PostgresServer.NewSchema();
            try
            {
                var options = PostgresServer.Options(schema);
                await using (var old = new PgDatabase(options, new FakeTimeProvider(Now)))
                {
                    CollectionAssert.AreEqual(Enumerable.Range(1, earlier).ToArray(), (await old.MigrateAsync(earlier, CancellationToken.None)).ToArray());
                }

                if (earlier >= 2)
                {
                    await PostgresServer.ExecuteAsync(schema, "INSERT INTO leases (loop, holder, expires_at) VALUES ('spam', 'a', 1);");
                }

                await using var store = new PostgreSqlRunStore(options, new FakeTimeProvider(Now));
                var run = await store.CreateAsync("spam", null, "after migration", ["train"], Now);

                Assert.AreEqual("run-000001", run.RunId, $"from version {earlier}");
                Assert.AreEqual(PgMigrations.Latest, Convert.ToInt32(await PostgresServer.ScalarAsync(schema, "SELECT MAX(version) FROM mlvalue_schema_version;")), $"from version {earlier}");
                Assert.AreEqual(PgMigrations.All.Count, await PostgresServer.CountAsync(schema, "SELECT COUNT(*) FROM mlvalue_schema_version;"), $"from version {earlier}");
                await using (var buckets = new PostgreSqlMonitorBucketStore(options, new FakeTimeProvider(Now)))
                {
                    await buckets.SaveAsync("spam", [new StoredMonitorBucket("replica-a", Now, [1, 2, 3])]);
                    await buckets.SaveAsync("spam", [new StoredMonitorBucket("replica-a", Now, [4])]);
                    var stored = await buckets.ReadAsync("spam", Now, Now + TimeSpan.FromHours(1));
                    Assert.AreEqual(1, stored.Count, $"one row per bucket and replica after migrating from version {earlier}");
                    CollectionAssert.AreEqual(new byte[] { 4 }, stored[0].Payload, $"from version {earlier}");
                }

                if (earlier >= 2)
                {
                    Assert.IsFalse(await store.TryAcquireLeaseAsync("spam", "b", DateTimeOffset.FromUnixTimeMilliseconds(0), TimeSpan.FromMinutes(1)), $"the lease written at version {earlier} is still there");
                }
            }
            finally
            {
                await PostgresServer.DropSchemaAsync(schema);
            }
        }
    }

    [TestMethod]
    public async Task MigrateAsync_ManyProcessesStartingAtOnce_AppliesEachMigrationOnce()
    {
        var databases = Enumerable.Range(0, 6).Select(_ => Open()).ToArray();

        var applied = await Task.WhenAll(databases.Select(d => Task.Run(() => d.MigrateAsync(PgMigrations.Latest, CancellationToken.None))));

        CollectionAssert.AreEqual(Enumerable.Range(1, PgMigrations.Latest).ToArray(), applied.SelectMany(a => a).Order().ToArray(), "each version applied by exactly one of them");
        Assert.AreEqual(1, applied.Count(a => a.Count > 0), "one applied them all, the others waited on the lock and found nothing to do");
        Assert.AreEqual(PgMigrations.All.Count, await PostgresServer.CountAsync(_schema, "SELECT COUNT(*) FROM mlvalue_schema_version;"));
    }

    [TestMethod]
    public async Task EnsureSchemaAsync_ManyStoresStartingAtOnce_AllWork()
    {
        var stores = Enumerable.Range(0, 6).Select(_ => new PostgreSqlRunStore(PostgresServer.Options(_schema), new FakeTimeProvider(Now))).ToArray();
        try
        {
            var runs = await Task.WhenAll(stores.Select((s, i) => Task.Run(() => s.CreateAsync("spam", "key-" + i, "start", ["train"], Now))));

            CollectionAssert.AreEquivalent(Enumerable.Range(1, 6).Select(i => $"run-{i:D6}").ToArray(), runs.Select(r => r.RunId).ToArray());
            Assert.AreEqual(PgMigrations.All.Count, await PostgresServer.CountAsync(_schema, "SELECT COUNT(*) FROM mlvalue_schema_version;"));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [TestMethod]
    public async Task EnsureSchemaAsync_NewerSchemaThanKnown_IsRefusedWithWhatToDo()
    {
        await Open().EnsureSchemaAsync(CancellationToken.None);
        var newer = PgMigrations.Latest + 1;
        await PostgresServer.ExecuteAsync(_schema, "INSERT INTO mlvalue_schema_version (version, description, applied_at) VALUES (@v, 'from a newer MlValue', now());", ("v", newer));
        await using var store = new PostgreSqlRunStore(PostgresServer.Options(_schema), new FakeTimeProvider(Now));

        var error = await Assert.ThrowsExactlyAsync<PostgreSqlSchemaException>(() => store.ListAsync("spam"));

        Assert.AreEqual(newer, error.DatabaseVersion);
        Assert.AreEqual(PgMigrations.Latest, error.SupportedVersion);
        Assert.AreEqual(_schema, error.Schema);
        StringAssert.Contains(error.Message, $"version {newer}");
        StringAssert.Contains(error.Message, "Upgrade this application");
        Assert.AreEqual(newer, await RecordedVersionAsync(), "nothing was changed");
    }

    private PgDatabase Open()
    {
        var database = new PgDatabase(PostgresServer.Options(_schema), new FakeTimeProvider(Now));
        _opened.Add(database);
        return database;
    }

    private async Task<int> RecordedVersionAsync()
        => Convert.ToInt32(await PostgresServer.ScalarAsync(_schema, "SELECT MAX(version) FROM mlvalue_schema_version;"));
}
