using MlValue.Tests.Processes;
using System.Globalization;
using MlValue.Registry;

namespace MlValue.Tests.Registry;

[TestClass]
public sealed class RegistryProcessTests
{
    private RegistryFixture _fixture = null!;

    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public void Initialize() => _fixture = new RegistryFixture();

    [TestCleanup]
    public void Cleanup() => _fixture.Dispose();

    [TestMethod]
    public async Task RegisterLoop_ProcessKilledAtRandomPoints_LeavesRegistryConsistent()
    {
        var random = new Random(20250301);
        var seen = new Dictionary<int, string>();
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(120));
        for (var round = 0; round < 15; round++)
        {
            // Kill right after start-up, or after a random number of completed steps: the next step is
            // then anywhere in blob writing, the version transaction or the alias move.
            var steps = random.Next(0, 5);
            using (var worker = WorkerProcess.Start("register-loop", _fixture.Root, "crashy", round.ToString(CultureInfo.InvariantCulture)))
            {
                var alive = await worker.ReadLinesAsync(1 + steps, guard.Token);
                Assert.IsTrue(alive, $"round {round}: the worker ended on its own: {worker.Errors}");
                await worker.KillAsync();
            }

            await AssertConsistentAsync(round, seen);
        }

        Assert.IsGreaterThan(3, seen.Count, "the loop made progress between kills");
    }

    [TestMethod]
    public async Task Register_FourProcessesAtOnce_GetDistinctConsecutiveVersions()
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(120));
        var workers = Enumerable.Range(0, 4).Select(_ => WorkerProcess.Start("register", _fixture.Root, "shared", "10")).ToList();
        try
        {
            await Task.WhenAll(workers.Select(w => w.ReadToEndAsync(guard.Token)));

            foreach (var worker in workers)
            {
                Assert.AreEqual(0, worker.ExitCode, worker.Errors);
            }

            var numbers = workers.SelectMany(w => w.Lines.Where(l => l.StartsWith("registered ", StringComparison.Ordinal)).Select(l => int.Parse(l["registered ".Length..], CultureInfo.InvariantCulture))).Order().ToArray();
            CollectionAssert.AreEqual(Enumerable.Range(1, 40).ToArray(), numbers, "every registration got its own number, none lost");
            var stored = await _fixture.Registry.SearchAsync(new ModelQuery { ModelName = "shared" });
            CollectionAssert.AreEqual(Enumerable.Range(1, 40).ToArray(), stored.Select(v => v.Version).ToArray());
            Assert.HasCount(4, stored.Select(v => v.Tags["pid"]).Distinct());
        }
        finally
        {
            workers.ForEach(w => w.Dispose());
        }
    }

    private async Task AssertConsistentAsync(int round, Dictionary<int, string> seen)
    {
        if (!File.Exists(_fixture.Settings.DatabasePath))
        {
            Assert.IsEmpty(seen, $"round {round}: the database vanished");
            return;
        }

        // A fresh registry instance, as a restarted process would open it.
        var registry = new SqliteModelRegistry(_fixture.Settings, _fixture.Store, _fixture.Time);
        using (var connection = _fixture.OpenDatabase())
        {
            using var check = connection.CreateCommand();
            check.CommandText = RegistrySql.IntegrityCheck;
            Assert.AreEqual("ok", check.ExecuteScalar() as string, $"round {round}: integrity_check");
        }

        var versions = await registry.SearchAsync(new ModelQuery { ModelName = "crashy", IncludeArchived = true });
        CollectionAssert.AreEqual(Enumerable.Range(1, versions.Count).ToArray(), versions.Select(v => v.Version).ToArray(), $"round {round}: versions are contiguous");
        foreach (var version in versions)
        {
            var artifact = await registry.LoadArtifactAsync("crashy", version.Version);
            Assert.AreEqual(version.ArtifactSha256, artifact.Sha256);
            Assert.IsNotNull(await registry.LoadAttachmentAsync("crashy", version.Version, "reference-profile"));
        }

        foreach (var (number, sha) in seen)
        {
            Assert.AreEqual(sha, versions.Single(v => v.Version == number).ArtifactSha256, $"round {round}: version {number} was kept unchanged");
        }

        foreach (var version in versions)
        {
            seen[version.Version] = version.ArtifactSha256;
        }

        foreach (var (alias, target) in await registry.GetAliasesAsync("crashy"))
        {
            Assert.IsTrue(versions.Any(v => v.Version == target), $"round {round}: alias {alias} points to an existing version");
        }

        foreach (var move in await registry.GetAliasHistoryAsync("crashy", "champion"))
        {
            Assert.IsTrue(versions.Any(v => v.Version == move.ToVersion), $"round {round}: alias history refers to existing versions");
        }

        foreach (var blob in await _fixture.Store.ListAsync())
        {
            await _fixture.Store.ReadAsync(blob); // no torn file is ever visible under a blob address
        }
    }
}
