using MlValue.Tests.Processes;
using System.Diagnostics;
using System.Globalization;
using MlValue.PostgreSql.Tests.Support;

namespace MlValue.PostgreSql.Tests.Processes;

/// <summary>
/// Eight worker processes register 50 versions each of one model while three more move its alias by compare-and-swap:
/// every number 1–400 is handed out exactly once, a lost race is an <c>AliasConflictException</c>, and every move a
/// mover was told succeeded is in the alias history.
/// </summary>
[TestClass]
public sealed class ConcurrentProcessesTests
{
    private const int Registrars = 8;
    private const int PerRegistrar = 50;
    private const int Movers = 3;
    private const int Moves = 20;
    private readonly string _schema = PostgresServer.NewSchema();

    public TestContext TestContext { get; set; } = null!;

    [TestCleanup]
    public Task DropSchemaAsync() => PostgresServer.DropSchemaAsync(_schema);

    [TestMethod]
    public async Task EightRegistrarsAndThreeAliasMovers_NumbersOnceAndNoMoveLost()
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(240));
        _ = PostgresServer.ConnectionString; // the workers read it from the environment: fail here, with the fix, without it
        var clock = Stopwatch.StartNew();
        var registrars = Enumerable.Range(0, Registrars).Select(_ => WorkerProcess.StartOnPostgres(_schema, "register", "shared", PerRegistrar)).ToList();
        var movers = Enumerable.Range(0, Movers).Select(_ => WorkerProcess.StartOnPostgres(_schema, "cas-loop", "shared", Moves)).ToList();
        try
        {
            await Task.WhenAll(registrars.Concat(movers).Select(w => w.ReadToEndAsync(guard.Token)));
            foreach (var worker in registrars.Concat(movers))
            {
                Assert.AreEqual(0, worker.ExitCode, worker.Errors);
            }

            var numbers = registrars.SelectMany(w => w.Lines.Where(l => l.StartsWith("registered ", StringComparison.Ordinal)).Select(l => int.Parse(l["registered ".Length..], CultureInfo.InvariantCulture))).Order().ToArray();
            CollectionAssert.AreEqual(Enumerable.Range(1, Registrars * PerRegistrar).ToArray(), numbers, "every registration got its own number, none twice, none lost");

            var (registry, database) = RegistryInvariants.Open(_schema);
            await using var _ = database;
            var versions = await RegistryInvariants.AssertConsistentAsync(registry, _schema, "shared", "after the run");
            Assert.HasCount(Registrars * PerRegistrar, versions);
            Assert.HasCount(Registrars, versions.Select(v => v.Tags["pid"]).Distinct());

            var lines = movers.SelectMany(w => w.Lines.Skip(1)).ToList();
            var unexpected = lines.Where(l => !l.StartsWith("moved ", StringComparison.Ordinal) && l != "conflict" && !l.StartsWith("missing ", StringComparison.Ordinal)).ToList();
            Assert.IsEmpty(unexpected, "every attempt moved, lost the race with an AliasConflictException, or found no version");
            var moved = lines.Where(l => l.StartsWith("moved ", StringComparison.Ordinal)).Select(l => l["moved ".Length..]).Order(StringComparer.Ordinal).ToList();
            var history = (await registry.GetAliasHistoryAsync("shared", "champion"))
                .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.FromVersion?.ToString(CultureInfo.InvariantCulture) ?? "-"} {m.ToVersion}"))
                .Order(StringComparer.Ordinal)
                .ToList();
            CollectionAssert.AreEqual(moved, history, "the alias history holds exactly the moves the movers were told succeeded");
            Assert.HasCount(Movers * Moves, moved, "each mover made its moves");
            var conflicts = lines.Count(l => l == "conflict");
            TestContext.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{numbers.Length} registrations, {moved.Count} moves, {conflicts} conflicts, {lines.Count - moved.Count - conflicts} missing, {clock.Elapsed.TotalSeconds:F1} s"));
        }
        finally
        {
            registrars.Concat(movers).ToList().ForEach(w => w.Dispose());
        }
    }
}
