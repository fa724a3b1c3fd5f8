using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlValue;
using MlValue.DependencyInjection;
using MlValue.Runs;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers loop runs: the runner, the scheduler, loops and the hosted trigger service.</summary>
public static class RunsBuilderExtensions
{
    /// <summary>
    /// Adds the <see cref="LoopRunner"/> and the <see cref="LoopScheduler"/>, with options from
    /// <c>MlValue:Runs</c>. They record runs in the registered <see cref="IRunStore"/>, which comes
    /// from a store package (<c>UseSqlite()</c> for the embedded one, under
    /// <c>&lt;RootDirectory&gt;/runs</c>) or from the application.
    /// </summary>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="configure">Changes to the options.</param>
    /// <returns>The builder.</returns>
    public static MlValueBuilder AddLoopRuns(this MlValueBuilder builder, Action<RunOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureOptions<RunOptions, RunOptionsValidator>("Runs", configure);
        builder.Services.TryAddSingleton(sp => new LoopRunner(
            RunStoreOf(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<RunOptions>>().Value.LeaseDuration,
            sp.GetService<ILogger<LoopRunner>>(),
            sp,
            sp.GetService<IMeterFactory>()));
        builder.Services.TryAddSingleton(sp => new LoopScheduler(
            sp.GetServices<LoopDefinition>(),
            sp.GetRequiredService<LoopRunner>(),
            RunStoreOf(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<LoopScheduler>>(),
            sp.GetService<IMeterFactory>()));
        return builder;
    }

    /// <summary>Adds a loop definition; its steps get the application's services through <see cref="StepContext.Services"/>.</summary>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="name">The loop's name.</param>
    /// <param name="configure">Adds the steps and triggers.</param>
    /// <returns>The builder.</returns>
    public static MlValueBuilder AddLoop(this MlValueBuilder builder, string name, Action<LoopBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var loop = new LoopBuilder(name);
        configure(loop);
        var definition = loop.Build();
        if (builder.Services.Any(d => d.ServiceType == typeof(LoopDefinition) && d.ImplementationInstance is LoopDefinition l && l.Name == name))
        {
            throw new LoopDefinitionException($"A loop named '{name}' is already registered; give each loop a distinct name.");
        }

        builder.Services.AddSingleton(definition);
        return builder.AddLoopRuns();
    }

    /// <summary>Adds the hosted service that evaluates the loops' triggers every <see cref="RunOptions.CheckInterval"/>.</summary>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="configure">Changes to the options.</param>
    /// <returns>The builder.</returns>
    public static MlValueBuilder AddLoopHostedService(this MlValueBuilder builder, Action<RunOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddLoopRuns(configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LoopSchedulerService>());
        return builder;
    }

    private static IRunStore RunStoreOf(IServiceProvider services)
        => services.GetService<IRunStore>() ?? throw new LoopDefinitionException(
            "No IRunStore is registered, so loop runs cannot be recorded. Call UseSqlite() on the MlValue builder (package MlValue.Sqlite, brought by MlValue.Core) for the embedded run store, UsePostgreSql(connectionString) (package MlValue.PostgreSql) for one many processes share, register another store, or register an InMemoryRunStore for tests.");
}
