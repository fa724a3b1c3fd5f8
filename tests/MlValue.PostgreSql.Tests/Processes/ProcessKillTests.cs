using MlValue.Tests.Processes;
using System.Diagnostics;
using System.Globalization;
using MlValue.PostgreSql.Tests.Support;

namespace MlValue.PostgreSql.Tests.Processes;

/// <summary>
/// A worker process registers and promotes on the PostgreSQL registry and is killed (SIGKILL) after a seeded random
/// number of printed steps, so the next step is cut anywhere in its blob writes, the version transaction or an alias
/// move; after every kill the registry is checked as a restarted process would find it.
/// </summary>
[TestClass]
public sealed class ProcessKillTests
{
    private const int Trials = 50;
    private readonly string _schema = PostgresServer.NewSchema();

    public TestContext TestContext { get; set; } = null!;

    [TestCleanup]
    public Task DropSchemaAsync() => PostgresServer.DropSchemaAsync(_schema);

    [TestMethod]
    public async Task RegisterLoop_KilledAtRandomPoints_KeepsEveryInvariant()
    {
        var random = new Random(20250311);
        var seen = new Dictionary<int, string>();
        var (registry, database) = RegistryInvariants.Open(_schema);
        await using var _ = database;
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(240));
        var clock = Stopwatch.StartNew();
        for (var trial = 0; trial < Trials; trial++)
        {
            // 0 kills it during start-up (the migrations), 1–6 after that many completed steps.
            var steps = random.Next(0, 7);
            using (var worker = WorkerProcess.StartOnPostgres(_schema, "register-loop", "crashy", trial))
            {
                var alive = await worker.ReadLinesAsync(1 + steps, guard.Token);
                Assert.IsTrue(alive, $"trial {trial}: the worker ended on its own: {worker.Errors}");
                await worker.KillAsync();
                // A COMMIT it sent just before the kill may still land: let its sessions end first.
                await PostgresServer.EndSessionsAsync(worker.ApplicationName);
            }

            var context = string.Create(CultureInfo.InvariantCulture, $"trial {trial} (killed after {steps} steps)");
            var versions = await RegistryInvariants.AssertConsistentAsync(registry, _schema, "crashy", context, loadFrom: seen.Count + 1);
            foreach (var (number, sha) in seen)
            {
                Assert.AreEqual(sha, versions.Single(v => v.Version == number).ArtifactSha256, $"{context}: version {number} is unchanged");
            }

            foreach (var version in versions)
            {
                seen[version.Version] = version.ArtifactSha256;
            }
        }

        await RegistryInvariants.AssertConsistentAsync(registry, _schema, "crashy", "after every kill");
        Assert.IsGreaterThan(Trials / 2, seen.Count, "the loop made progress between kills");
        TestContext.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Trials} kills, {seen.Count} versions kept, {clock.Elapsed.TotalSeconds:F1} s"));
    }
}
