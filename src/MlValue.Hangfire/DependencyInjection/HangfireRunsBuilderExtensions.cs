using Hangfire;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using MlValue.DependencyInjection;
using MlValue.Runs;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Hangfire loop runner beside the in-process one.</summary>
public static class HangfireRunsBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="HangfireLoopRunner"/>, <see cref="LoopStepJob"/> and <see cref="LoopTriggerJob"/> (and the loop
    /// runs, <c>AddLoopRuns</c>, if not added yet). The in-process <see cref="LoopRunner"/> and the hosted
    /// <see cref="LoopScheduler"/> stay as they are: a loop runs on Hangfire only when started through
    /// <see cref="HangfireLoopRunner"/> (or its recurring <see cref="LoopTriggerJob"/>), so do not add the hosted
    /// service for the same loops. The application configures Hangfire itself (its storage, one server per worker
    /// with a <see cref="ServiceProviderJobActivator"/>); jobs are created through the registered
    /// <see cref="IBackgroundJobClient"/>, by default a client on <see cref="JobStorage.Current"/>.
    /// </summary>
    /// <param name="builder">The MlValue builder.</param>
    /// <returns>The builder.</returns>
    public static MlValueBuilder AddHangfireLoopRunner(this MlValueBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddLoopRuns();
        builder.Services.TryAddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetService<JobStorage>() ?? JobStorage.Current));
        builder.Services.TryAddSingleton(sp => new HangfireLoopRunner(
            sp.GetServices<LoopDefinition>(),
            sp.GetRequiredService<LoopRunner>(),
            sp.GetRequiredService<IRunStore>(),
            sp.GetRequiredService<IBackgroundJobClient>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<HangfireLoopRunner>>()));
        builder.Services.TryAddTransient(sp => new LoopStepJob(sp.GetServices<LoopDefinition>(), sp.GetRequiredService<LoopRunner>()));
        builder.Services.TryAddTransient(sp => new LoopTriggerJob(sp.GetRequiredService<HangfireLoopRunner>()));
        return builder;
    }
}
