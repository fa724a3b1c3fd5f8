using Microsoft.Extensions.Time.Testing;
using MlValue.Internal;
using MlValue.PostgreSql.Tests.Support;
using MlValue.Registry;
using MlValue.Training;
using Npgsql;
using Polly;
using Polly.Retry;

namespace MlValue.PostgreSql.Tests.Registry;

/// <summary>What the PostgreSQL registry adds to the contract: idempotent registration retries and chunked, verified blobs.</summary>
[TestClass]
public sealed class PostgreSqlRegistryTests
{
    private readonly string _schema = PostgresServer.NewSchema();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
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
    public async Task RegisterAsync_SameIdempotencyKeyAgain_ReturnsTheVersionItCreated()
    {
        var registry = Open();
        var key = Guid.NewGuid();

        var first = await registry.RegisterAsync(Registration("spam", "model"), key, CancellationToken.None);
        var again = await registry.RegisterAsync(Registration("spam", "model"), key, CancellationToken.None);
        var next = await registry.RegisterAsync(Registration("spam", "model"), CancellationToken.None);

        Assert.AreEqual(1, first.Version);
        Assert.AreEqual(1, again.Version);
        Assert.AreEqual(first.CreatedAt, again.CreatedAt);
        Assert.AreEqual(2, next.Version, "a new call is a new registration, numbered next");
        Assert.HasCount(2, await registry.SearchAsync(new ModelQuery { ModelName = "spam" }));
    }

    [TestMethod]
    public async Task RegisterAsync_AnswerLostAfterTheCommit_TheRetryReturnsTheSameVersion()
    {
        var lose = new LoseFirstAnswer<ModelVersion>();
        var pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions { ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(PgDatabase.IsTransient), MaxRetryAttempts = 3, Delay = TimeSpan.Zero })
            .AddStrategy(_ => lose, new LoseFirstAnswerOptions())
            .Build();
        var registry = Open(pipeline);

        var registered = await registry.RegisterAsync(Registration("spam", "model"));

        Assert.AreEqual(2, lose.Attempts, "the first answer was lost after the commit and the registration was tried again");
        Assert.AreEqual(1, registered.Version);
        Assert.HasCount(1, await registry.SearchAsync(new ModelQuery { ModelName = "spam" }), "the retry found its key and created no second version");
        Assert.AreEqual(2, (await registry.RegisterAsync(Registration("spam", "other"))).Version);
    }

    [TestMethod]
    public async Task LoadArtifactAsync_TamperedChunk_ThrowsArtifactIntegrityExceptionAndReRegisteringRepairs()
    {
        var registry = Open();
        var bytes = Bytes(PgBlobs.ChunkSize * 2 + 12345);
        var version = await registry.RegisterAsync(Registration("spam", bytes));
        Assert.AreEqual(3L, await PostgresServer.CountAsync(_schema, "SELECT COUNT(*) FROM blob_chunks WHERE sha256 = @sha;", ("sha", version.ArtifactSha256)));

        await PostgresServer.ExecuteAsync(_schema, "UPDATE blob_chunks SET data = set_byte(data, 7, (get_byte(data, 7) + 1) % 256) WHERE sha256 = @sha AND chunk_index = 1;", ("sha", version.ArtifactSha256));
        var error = await Assert.ThrowsExactlyAsync<ArtifactIntegrityException>(() => registry.LoadArtifactAsync("spam", version.Version));

        var expected = version.ArtifactSha256;
        Assert.AreEqual(expected, error.ExpectedSha256);
        Assert.IsNotNull(error.ActualSha256);
        Assert.AreNotEqual(version.ArtifactSha256, error.ActualSha256);
        StringAssert.Contains(error.Message, "model 'spam' version 1");
        StringAssert.Contains(error.Message, "register the same artifact again");

        await registry.RegisterAsync(Registration("spam", bytes));
        CollectionAssert.AreEqual(bytes, (await registry.LoadArtifactAsync("spam", version.Version)).Content.ToArray(), "re-registering rewrote the damaged chunk");
    }

    [TestMethod]
    public async Task LoadArtifactAsync_MissingChunk_ThrowsArtifactIntegrityExceptionNamingIt()
    {
        var registry = Open();
        var version = await registry.RegisterAsync(Registration("spam", Bytes(PgBlobs.ChunkSize + 1)));
        await PostgresServer.ExecuteAsync(_schema, "DELETE FROM blob_chunks WHERE sha256 = @sha AND chunk_index = 0;", ("sha", version.ArtifactSha256));

        var error = await Assert.ThrowsExactlyAsync<ArtifactIntegrityException>(() => registry.LoadArtifactAsync("spam", version.Version));

        Assert.IsNull(error.ActualSha256);
        StringAssert.Contains(error.Problem, "chunk 0 is missing");
    }

    [TestMethod]
    public async Task RegisterAsync_SameArtifactTwice_StoresItsChunksOnce()
    {
        var registry = Open();
        var bytes = Bytes(PgBlobs.ChunkSize + 10);

        var first = await registry.RegisterAsync(Registration("spam", bytes));
        var second = await registry.RegisterAsync(Registration("ham", bytes));

        Assert.AreEqual(first.ArtifactSha256, second.ArtifactSha256);
        Assert.AreEqual(1L, await PostgresServer.CountAsync(_schema, "SELECT COUNT(*) FROM blobs;"));
        Assert.AreEqual(2L, await PostgresServer.CountAsync(_schema, "SELECT COUNT(*) FROM blob_chunks;"));
        Assert.AreEqual(bytes.Length, (await registry.LoadArtifactAsync("ham", 1)).Content.Length);
    }

    [TestMethod]
    public async Task RegisterAndSetAlias_ClockBelowAMicrosecond_ReturnTheTimesThatReadBack()
    {
        var registry = Open();
        _time.Advance(TimeSpan.FromTicks(1234567));

        var registered = await registry.RegisterAsync(Registration("spam", "model"));
        var move = await registry.SetAliasAsync("spam", "champion", 1, null, "first");

        Assert.AreEqual((await registry.GetVersionAsync("spam", 1))!.CreatedAt, registered.CreatedAt);
        Assert.AreEqual((await registry.GetAliasHistoryAsync("spam", "champion"))[0].MovedAt, move.MovedAt);
        Assert.AreEqual(0, registered.CreatedAt.Ticks % 10, "timestamptz keeps whole microseconds");
    }

    [TestMethod]
    public async Task UpdateOfAVersionRow_IsRejectedByTheDatabase()
    {
        var registry = Open();
        await registry.RegisterAsync(Registration("spam", "model"));

        var error = await Assert.ThrowsExactlyAsync<PostgresException>(() => PostgresServer.ExecuteAsync(_schema, "UPDATE model_versions SET trainer_name = 'other';"));

        StringAssert.Contains(error.MessageText, "immutable");
        Assert.AreEqual(1, await PostgresServer.ExecuteAsync(_schema, "UPDATE model_versions SET archived = true;"), "only the archived flag may change");
    }

    private PostgreSqlModelRegistry Open(ResiliencePipeline? pipeline = null)
    {
        var database = new PgDatabase(PostgresServer.Options(_schema), _time, pipeline);
        _opened.Add(database);
        var settings = new RegistrySettings { RootDirectory = Path.GetTempPath(), BusyTimeout = TimeSpan.Zero, MaxBusyRetries = 0, CodeVersion = "test", TempFileGracePeriod = TimeSpan.Zero };
        return new PostgreSqlModelRegistry(database, settings, _time);
    }

    private static ModelRegistration Registration(string model, string content) => Registration(model, System.Text.Encoding.UTF8.GetBytes(content));

    private static ModelRegistration Registration(string model, byte[] content) => new()
    {
        ModelName = model,
        Artifact = new ModelArtifact("test-bytes", content),
        TrainerName = "test-trainer",
        TrainingDatasetIds = ["ds-train"],
    };

    private static byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        new Random(42).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Runs the call, then reports a dropped connection for the first answer of type <typeparamref name="T"/>: the commit happened, the caller never heard.</summary>
    private sealed class LoseFirstAnswer<T> : ResilienceStrategy
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state)
        {
            var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
            if (typeof(TResult) != typeof(T))
            {
                return outcome;
            }

            return Interlocked.Increment(ref _attempts) == 1 && outcome.Exception is null
                ? Outcome.FromException<TResult>(new NpgsqlException("The connection was lost while the commit's answer was on its way.", new IOException("Connection reset by peer")))
                : outcome;
        }
    }

    private sealed class LoseFirstAnswerOptions : ResilienceStrategyOptions;
}
