using System.Reflection;
using System.Runtime.CompilerServices;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;
using MlValue.Runs;

namespace MlValue.Hangfire.Tests.Packages;

[TestClass]
public sealed class PackageBoundaryTests
{
    [TestMethod]
    public void Package_ShowsItsInternals_OnlyToItsOwnTests()
    {
        var friends = typeof(HangfireLoopRunner).Assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToArray();

        CollectionAssert.AreEqual(new[] { "MlValue.Hangfire.Tests" }, friends);
    }

    [TestMethod]
    public void Package_ReferencesMlValueAndHangfireCoreOnly_NotTheStores()
    {
        var references = typeof(HangfireLoopRunner).Assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("MlValue", StringComparison.Ordinal) || n.StartsWith("Hangfire", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

        CollectionAssert.AreEqual(new[] { "Hangfire.Core", "MlValue", "MlValue.Abstractions" }, references);
    }

    [TestMethod]
    public async Task AddHangfireLoopRunner_KeepsTheInProcessRunnerAndResolvesTheJobs()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IRunStore, InMemoryRunStore>();
        services.AddSingleton<JobStorage>(new InMemoryStorage());
        services.AddMlValue().AddLoop("spam", l => l.AddStep("train", (_, _) => ValueTask.FromResult(StepResult.Empty))).AddHangfireLoopRunner();
        await using var provider = services.BuildServiceProvider();

        Assert.IsNotNull(provider.GetRequiredService<LoopRunner>());
        Assert.IsNotNull(provider.GetRequiredService<LoopScheduler>());
        var activator = new ServiceProviderJobActivator(provider);
        using var scope = activator.BeginScope((JobActivatorContext)null!);
        Assert.IsInstanceOfType<LoopStepJob>(scope.Resolve(typeof(LoopStepJob)));
        Assert.IsInstanceOfType<LoopTriggerJob>(scope.Resolve(typeof(LoopTriggerJob)));
        var started = await provider.GetRequiredService<HangfireLoopRunner>().StartAsync("spam", new TriggerFiring { Reason = "manual", FiredAt = DateTimeOffset.UnixEpoch });
        Assert.HasCount(1, started!.JobIds);
        Assert.AreEqual(RunStatus.Running, started.Record.Status);
    }
}
