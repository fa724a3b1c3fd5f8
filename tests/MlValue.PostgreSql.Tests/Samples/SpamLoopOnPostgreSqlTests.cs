using MlValue.PostgreSql.Tests.Support;
using MlValue.Samples.SpamLoop;
using MlValue.Samples.SpamLoop.Storage;

namespace MlValue.PostgreSql.Tests.Samples;

/// <summary>
/// The spam-loop sample with <c>--store postgres</c>: the same loop on the committed fixture, once on the embedded
/// SQLite stores and once on a fresh PostgreSQL schema, must write the same <c>summary.json</c> bytes.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class SpamLoopOnPostgreSqlTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "spamassassin-sample.jsonl.gz");
    private readonly string _schema = PostgresServer.NewSchema();
    private string _root = string.Empty;

    [TestInitialize]
    public void Init() => _root = Path.Combine(Path.GetTempPath(), "mlvalue-spamloop-pg-" + Guid.NewGuid().ToString("N"));

    [TestCleanup]
    public async Task CleanupAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresServer.Variable)))
        {
            await PostgresServer.DropSchemaAsync(_schema);
        }
    }

    [TestMethod]
    public async Task RunAsync_FixtureEmbeddedAndOnPostgreSql_ByteIdenticalSummaryJson()
    {
        var connectionString = PostgresServer.ConnectionString;
        var embedded = await SpamLoopApp.RunAsync(Options(Path.Combine(_root, "embedded")), TextWriter.Null);
        var postgres = Options(Path.Combine(_root, "postgres"));
        postgres.Store = SpamLoopStore.Postgres;
        postgres.PostgresConnectionString = connectionString;
        postgres.PostgresSchema = _schema;

        var onServer = await SpamLoopApp.RunAsync(postgres, TextWriter.Null);

        var a = await File.ReadAllBytesAsync(Path.Combine(_root, "embedded", "summary.json"));
        var b = await File.ReadAllBytesAsync(Path.Combine(_root, "postgres", "summary.json"));
        Assert.IsGreaterThan(0, embedded.Totals.Promotions, "the fixture run must promote, or the registry and alias paths were not compared");
        Assert.IsGreaterThan(0, onServer.Totals.Runs);
        CollectionAssert.AreEqual(a, b, "summary.json differs between the embedded and the PostgreSQL run:\n" + System.Text.Encoding.UTF8.GetString(a) + "\n---\n" + System.Text.Encoding.UTF8.GetString(b));
        Assert.IsTrue(File.Exists(Path.Combine(_root, "embedded", "store", "registry", "registry.db")));
        Assert.IsFalse(File.Exists(Path.Combine(_root, "postgres", "store", "registry", "registry.db")), "the PostgreSQL run must not use the embedded registry");
        Assert.IsFalse(File.Exists(Path.Combine(_root, "postgres", "store", "runs", "runs.db")), "the PostgreSQL run must not use the embedded run store");
        Assert.IsGreaterThan(0L, await PostgresServer.CountAsync(_schema, "SELECT count(*) FROM model_versions"));
        Assert.IsGreaterThan(0L, await PostgresServer.CountAsync(_schema, "SELECT count(*) FROM runs"));
        Assert.IsGreaterThan(0L, await PostgresServer.CountAsync(_schema, "SELECT count(*) FROM checkpoints"));
        Assert.IsGreaterThan(0L, await PostgresServer.CountAsync(_schema, "SELECT count(*) FROM blob_chunks"));
    }

    [TestMethod]
    public void ConnectionString_NeitherOptionNorVariable_NamesBothAndTheScript()
    {
        var options = new SpamLoopOptions { Store = SpamLoopStore.Postgres };

        var error = Assert.ThrowsExactly<StoreUnavailableException>(() => PostgresStore.ConnectionString(options, environmentValue: null));

        StringAssert.Contains(error.Message, "--postgres");
        StringAssert.Contains(error.Message, PostgresStore.Variable);
        StringAssert.Contains(error.Message, "eng/postgres.sh start");
    }

    [TestMethod]
    public void ConnectionString_OptionGiven_WinsOverTheVariable()
    {
        var options = new SpamLoopOptions { Store = SpamLoopStore.Postgres, PostgresConnectionString = "Host=127.0.0.1;Database=a" };

        Assert.AreEqual("Host=127.0.0.1;Database=a", PostgresStore.ConnectionString(options, "Host=127.0.0.1;Database=b"));
        Assert.AreEqual("Host=127.0.0.1;Database=b", PostgresStore.ConnectionString(new SpamLoopOptions(), "Host=127.0.0.1;Database=b"));
    }

    private static SpamLoopOptions Options(string output) => new()
    {
        FixturePath = Fixture,
        OutputDirectory = output,
        NewLabelsThreshold = 20,
        TrainWindow = 400,
        MaxBodyLength = 1000,
        WordNgramLength = 1,
        MaximumIterations = null,
    };
}
