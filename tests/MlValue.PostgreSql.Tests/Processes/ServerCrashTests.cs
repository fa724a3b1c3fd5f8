using System.Diagnostics;
using System.Globalization;
using MlValue.Internal;
using MlValue.PostgreSql.Tests.Support;
using MlValue.Registry;
using MlValue.Runs;
using MlValue.Training;

namespace MlValue.PostgreSql.Tests.Processes;

/// <summary>
/// The server is stopped abruptly (<c>pg_ctl stop -m immediate</c>) while in-process writers register and take the
/// loop lease, and started again, 20 times. Callers either succeed (after retries) or get the store's typed
/// exception; afterwards no version is duplicated, torn or lost and the lease never had two holders at once.
/// It stops the shared server, so it runs alone.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ServerCrashTests
{
    private const int Trials = 20;
    private const int Writers = 3;
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMilliseconds(100);
    private readonly string _schema = PostgresServer.NewSchema();

    public TestContext TestContext { get; set; } = null!;

    [TestCleanup]
    public async Task CleanupAsync()
    {
        // Whatever happened, the server runs again for the tests after this one.
        await ClusterScript.RequireAsync("start", CancellationToken.None);
        await PostgresServer.DropSchemaAsync(_schema);
    }

    [TestMethod]
    public async Task ServerStoppedImmediatelyWhileWriting_TypedErrorsOrSuccessAndNothingDuplicatedTornOrLost()
    {
        await ClusterScript.AssertOwnsTestServerAsync(TestContext.CancellationToken);
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(240));
        var clock = Stopwatch.StartNew();
        var random = new Random(20250312);
        var outcomes = new Outcomes(Writers);
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriteAsync(w, outcomes, clock, stop.Token), CancellationToken.None)).ToList();
        var (trial, phase) = (0, "start");
        try
        {
            for (; trial < Trials; trial++)
            {
                // Stop after a seeded random number of further registrations, so the stop lands anywhere in their work.
                phase = "writing";
                var more = random.Next(1, 6);
                var registered = outcomes.Read(o => o.Registered.Count);
                await outcomes.WaitUntilAsync(o => o.Registered.Count >= registered + more, guard.Token);

                phase = "stopping the server";
                outcomes.Record(o => o.Down = true);
                await ClusterScript.RequireAsync("stop-immediate", guard.Token);
                phase = "waiting for a caller to give up while the server is down";
                var failures = outcomes.Read(o => o.RegisterFailures + o.LeaseFailures);
                await outcomes.WaitUntilAsync(o => o.RegisterFailures + o.LeaseFailures > failures, guard.Token);
                phase = "starting the server";
                await ClusterScript.RequireAsync("start", guard.Token);
                await ClusterScript.AssertOwnsTestServerAsync(guard.Token); // on the same port again
                var before = outcomes.Read(o => o.SuccessesOf.ToArray());
                outcomes.Record(o => o.Down = false);

                // Every writer is back: each registered again after the restart.
                phase = "waiting for every writer to register after the restart";
                await outcomes.WaitUntilAsync(o => o.SuccessesOf.Zip(before).All(p => p.First > p.Second), guard.Token);
            }
        }
        catch (OperationCanceledException) when (guard.IsCancellationRequested && !TestContext.CancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"trial {trial} timed out {phase}: {outcomes.Read(o => o.Summary())}");
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        var summary = outcomes.Read(o => o.Summary());
        Assert.IsEmpty(outcomes.Read(o => o.Untyped.ToList()), "every failure was the store's typed exception");
        var (registry, database) = RegistryInvariants.Open(_schema);
        await using var _ = database;
        var versions = await RegistryInvariants.AssertConsistentAsync(registry, _schema, "crashing", "after the trials");
        var succeeded = outcomes.Read(o => o.Registered.ToList());
        Assert.HasCount(succeeded.Count, succeeded.Select(r => r.Version).Distinct(), "no version number was returned twice");
        foreach (var (version, sha) in succeeded)
        {
            Assert.AreEqual(sha, versions.SingleOrDefault(v => v.Version == version)?.ArtifactSha256, $"version {version}, returned to its caller, is stored with its artifact (not lost)");
        }

        Assert.HasCount(versions.Count, versions.Select(v => v.ArtifactSha256).Distinct(), "no registration was stored twice (each has its own bytes)");
        var failed = outcomes.Read(o => o.RegisterFailures);
        Assert.IsLessThanOrEqualTo(failed, versions.Count - succeeded.Count, "only a call that failed can have committed unseen");
        AssertOneHolderAtATime(outcomes.Read(o => o.Leases.ToList()));
        Assert.IsGreaterThan(0, outcomes.Read(o => o.Leases.Count), "the lease was taken");
        TestContext.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Trials} immediate stops: {summary}, {versions.Count} versions stored, {clock.Elapsed.TotalSeconds:F1} s"));
    }

    /// <summary>Each writer registers a version of its own bytes, then tries to take or renew the loop lease, until stopped.</summary>
    private async Task WriteAsync(int writer, Outcomes outcomes, Stopwatch clock, CancellationToken stop)
    {
        var options = PostgresServer.Options(_schema);
        options.MaxTransientRetries = 3;
        options.RetryDelay = TimeSpan.FromMilliseconds(50);
        await using var database = new PgDatabase(options, TimeProvider.System);
        var settings = new RegistrySettings { RootDirectory = Path.GetTempPath(), BusyTimeout = TimeSpan.Zero, MaxBusyRetries = 0, CodeVersion = "test", TempFileGracePeriod = TimeSpan.Zero };
        var registry = new PostgreSqlModelRegistry(database, settings, TimeProvider.System);
        await using var runs = new PostgreSqlRunStore(database, ownsDatabase: false);
        var random = new Random(writer);
        var holder = "writer-" + writer.ToString(CultureInfo.InvariantCulture);
        var origin = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        while (!stop.IsCancellationRequested)
        {
            var down = outcomes.Read(o => o.Down);
            try
            {
                var version = await registry.RegisterAsync(Registration(random, writer), CancellationToken.None);
                outcomes.Record(o => o.Registered.Add((version.Version, version.ArtifactSha256)), writer, acrossOutage: down);
            }
            catch (RegistryStoreException)
            {
                outcomes.Record(o => o.RegisterFailures++);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                outcomes.Record(o => o.Untyped.Add("RegisterAsync: " + error));
            }

            // The lease times are the caller's: a monotonic clock in whole milliseconds, as the store keeps them.
            var now = origin.AddMilliseconds(clock.ElapsedMilliseconds);
            try
            {
                if (await runs.TryAcquireLeaseAsync("crash-loop", holder, now, LeaseDuration, CancellationToken.None))
                {
                    outcomes.Record(o => o.Leases.Add((holder, now, now + LeaseDuration)));
                }
            }
            catch (RunStoreException)
            {
                outcomes.Record(o => o.LeaseFailures++);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                outcomes.Record(o => o.Untyped.Add("TryAcquireLeaseAsync: " + error));
            }
        }
    }

    /// <summary>A holder is told it holds the lease from the time it passed until that time plus the duration: no two holders' spans overlap.</summary>
    private static void AssertOneHolderAtATime(List<(string Holder, DateTimeOffset From, DateTimeOffset Until)> leases)
    {
        var latestEnd = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var lease in leases.OrderBy(l => l.From))
        {
            foreach (var (other, end) in latestEnd)
            {
                Assert.IsTrue(other == lease.Holder || end <= lease.From, $"{lease.Holder} was given the lease at {lease.From:HH:mm:ss.fff} while {other} held it until {end:HH:mm:ss.fff}");
            }

            latestEnd[lease.Holder] = latestEnd.TryGetValue(lease.Holder, out var mine) && mine > lease.Until ? mine : lease.Until;
        }
    }

    private static ModelRegistration Registration(Random random, int writer)
    {
        // One in five spans several 1 MiB chunks, so a stop can land between chunk rows.
        var bytes = new byte[random.Next(5) == 0 ? random.Next(PgBlobs.ChunkSize + 1, 3 * PgBlobs.ChunkSize) : random.Next(1, 64 * 1024)];
        random.NextBytes(bytes);
        return new ModelRegistration
        {
            ModelName = "crashing",
            Artifact = new ModelArtifact("test-bytes", bytes),
            TrainerName = "writer",
            TrainingDatasetIds = ["crash-data"],
            Tags = new Dictionary<string, string> { ["writer"] = writer.ToString(CultureInfo.InvariantCulture) },
            Attachments = new Dictionary<string, byte[]> { ["reference-profile"] = bytes[..Math.Min(bytes.Length, 100)] },
            CodeVersion = "writer",
        };
    }

    /// <summary>What the writers saw, under one lock; a change wakes whoever waits for a condition on it.</summary>
    private sealed class Outcomes(int writers)
    {
        private readonly Lock _gate = new();
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<(int Version, string Sha)> Registered { get; } = [];

        public int[] SuccessesOf { get; } = new int[writers];

        public int AcrossOutage { get; private set; }

        public int RegisterFailures { get; set; }

        public int LeaseFailures { get; set; }

        public List<(string Holder, DateTimeOffset From, DateTimeOffset Until)> Leases { get; } = [];

        public List<string> Untyped { get; } = [];

        public bool Down { get; set; }

        public T Read<T>(Func<Outcomes, T> read)
        {
            lock (_gate)
            {
                return read(this);
            }
        }

        public void Record(Action<Outcomes> change, int? writer = null, bool acrossOutage = false)
        {
            TaskCompletionSource changed;
            lock (_gate)
            {
                change(this);
                if (writer is { } w)
                {
                    SuccessesOf[w]++;
                    AcrossOutage += acrossOutage ? 1 : 0;
                }

                changed = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            changed.TrySetResult();
        }

        /// <summary>Waits until <paramref name="condition"/> holds; fails at once when a writer saw an untyped error.</summary>
        public async Task WaitUntilAsync(Func<Outcomes, bool> condition, CancellationToken cancellationToken)
        {
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    Assert.IsEmpty(Untyped, "every failure was the store's typed exception");
                    if (condition(this))
                    {
                        return;
                    }

                    changed = _changed.Task;
                }

                await changed.WaitAsync(cancellationToken);
            }
        }

        public string Summary() => string.Create(CultureInfo.InvariantCulture, $"{Registered.Count} registrations returned ({AcrossOutage} of them begun while the server was going down or down), {RegisterFailures} RegistryStoreException, {Leases.Count} leases taken or renewed, {LeaseFailures} RunStoreException");
    }
}
