using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MlValue.Runs;

namespace MlValue.Tests.Runs;

[TestClass]
public sealed class RunsBuilderExtensionsTests
{
    private string _folder = null!;

    [TestInitialize]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("mlvalue-runs-di-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestMethod]
    public async Task AddLoopHostedService_IntervalTrigger_RunsOnStartAndAfterEachInterval()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2002, 8, 1, 0, 0, 0, TimeSpan.Zero));
        using var ran = new SemaphoreSlim(0);
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        services.AddMlValue(o => o.RootDirectory = _folder).UseSqlite()
            .AddLoop("spam", loop => loop
                .AddStep("train", (ctx, _) =>
                {
                    ran.Release();
                    return ValueTask.FromResult(StepResult.With(("services", ctx.Services is null ? "none" : "resolved")));
                })
                .AddTrigger(new IntervalTrigger(TimeSpan.FromHours(1))))
            .AddLoopHostedService(o => o.CheckInterval = TimeSpan.FromMinutes(30));
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IRunStore>();
        var hosted = provider.GetServices<IHostedService>().Single();

        await hosted.StartAsync(CancellationToken.None);
        Assert.IsTrue(await ran.WaitAsync(TimeSpan.FromSeconds(30)), "the first check did not run the loop");
        time.Advance(TimeSpan.FromMinutes(30));
        time.Advance(TimeSpan.FromMinutes(30));
        Assert.IsTrue(await ran.WaitAsync(TimeSpan.FromSeconds(30)), "the check after one hour did not run the loop");
        await hosted.StopAsync(CancellationToken.None);

        var runs = await store.ListAsync("spam");
        Assert.AreEqual(2, runs.Count);
        Assert.AreEqual("resolved", runs[0].Steps[0].Outputs["services"].Id);
        Assert.IsTrue(File.Exists(Path.Combine(_folder, "runs", "runs.db")));
    }

    [TestMethod]
    public void AddLoop_SameNameTwice_Throws()
    {
        var builder = new ServiceCollection().AddMlValue().UseSqlite().AddLoop("spam", l => l.AddStep("a", (_, _) => ValueTask.FromResult(StepResult.Empty)));

        var error = Assert.ThrowsExactly<LoopDefinitionException>(() => builder.AddLoop("spam", l => l.AddStep("a", (_, _) => ValueTask.FromResult(StepResult.Empty))));
        StringAssert.Contains(error.Message, "already registered");
    }

    [TestMethod]
    public void AddLoopRuns_BadLeaseFromConfiguration_FailsNamingTheSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MlValue:Runs:LeaseDuration"] = "-00:01:00" }).Build();
        using var provider = new ServiceCollection().AddMlValue(configuration.GetSection("MlValue")).AddLoopRuns().Services.BuildServiceProvider();

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<RunOptions>>().Value);
        StringAssert.Contains(error.Message, "MlValue:Runs:LeaseDuration must be positive");
    }

    [TestMethod]
    public void AddLoopRuns_NoRunStoreRegistered_ResolvingTheRunnerNamesUseSqlite()
    {
        using var provider = new ServiceCollection().AddMlValue(o => o.RootDirectory = _folder).AddLoopRuns().Services.BuildServiceProvider();

        var error = Assert.ThrowsExactly<LoopDefinitionException>(() => provider.GetRequiredService<LoopRunner>());

        StringAssert.Contains(error.Message, "No IRunStore is registered");
        StringAssert.Contains(error.Message, "UseSqlite()");
    }
}
