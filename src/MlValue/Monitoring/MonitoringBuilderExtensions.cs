using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlValue;
using MlValue.DependencyInjection;
using MlValue.Monitoring;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the monitoring stage to MlValue.</summary>
public static class MonitoringBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="MonitoringOptions"/>, bound from <c>MlValue:Monitoring</c> and validated at start-up
    /// with messages naming the setting. Calling it again only applies <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="configure">Optional changes applied after binding.</param>
    /// <returns>The builder.</returns>
    public static MlValueBuilder AddModelMonitoring(this MlValueBuilder builder, Action<MonitoringOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ConfigureOptions<MonitoringOptions, MonitoringOptionsValidator>("Monitoring", configure);
    }

    /// <summary>
    /// Registers a singleton <see cref="IModelMonitor{T}"/> (a <see cref="ModelMonitor{T}"/> named <paramref name="name"/>)
    /// whose state lives in <c>&lt;MlValue:RootDirectory&gt;/monitor</c> (sharing its buckets with the other replicas through
    /// the registered <see cref="IMonitorBucketStore"/>, when there is one), as a keyed service under
    /// <paramref name="name"/>. While it is the only monitor of <typeparamref name="T"/>, the un-keyed
    /// <see cref="IModelMonitor{T}"/> resolves to it; with two or more, resolving the un-keyed one
    /// throws a <see cref="MonitoringException"/> that says to resolve by name.
    /// </summary>
    /// <typeparam name="T">The input type of the monitored model.</typeparam>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="name">The monitor name; names its state file.</param>
    /// <param name="schema">The features to watch.</param>
    /// <param name="reference">Gives the reference profile (for example loaded from the registry), or null for none.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="MonitoringException">A monitor named <paramref name="name"/> is already registered.</exception>
    public static MlValueBuilder AddModelMonitor<T>(this MlValueBuilder builder, string name, MonitorSchema<T> schema, Func<IServiceProvider, ReferenceProfile?>? reference)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(schema);
        builder.AddModelMonitoring();
        NamedServices.For(builder.Services, "monitor").Add<IModelMonitor<T>>(
            builder.Services,
            name,
            provider => new ModelMonitor<T>(
                name,
                schema,
                reference?.Invoke(provider),
                provider.GetRequiredService<IOptions<MonitoringOptions>>().Value,
                provider.GetRequiredService<TimeProvider>(),
                Path.Combine(provider.GetRequiredService<IOptions<MlValueOptions>>().Value.RootDirectory, "monitor"),
                provider.GetService<IMeterFactory>(),
                provider.GetService<IMonitorBucketStore>()),
            message => new MonitoringException(message));
        return builder;
    }

    /// <summary>
    /// Registers a monitor named <paramref name="name"/> (as the other overload does) bound to the served model
    /// <paramref name="servedModel"/>: it records that model's primary-arm predictions (as <c>AddPredictionMonitoring</c>
    /// does) and takes its reference from the version being served, that version's <see cref="ReferenceProfile.AttachmentName"/>
    /// attachment (<see cref="ReferenceProfile.ToAttachment"/>), rebasing when the served version changes. Until a version
    /// is served, and for a version without the attachment, windows get "no reference" verdicts that say why. Add the
    /// predictor with <c>AddPredictor</c>; an <see cref="MlValue.Registry.IModelRegistry"/> must be registered.
    /// </summary>
    /// <typeparam name="T">The input type of the monitored model.</typeparam>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="name">The monitor name; names its state file.</param>
    /// <param name="schema">The features to watch.</param>
    /// <param name="servedModel">The registered model whose served version gives the reference (the key of its predictor).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="MonitoringException">A monitor named <paramref name="name"/> is already registered, or the predictor already registered for <paramref name="servedModel"/> cannot be monitored.</exception>
    public static MlValueBuilder AddModelMonitor<T>(this MlValueBuilder builder, string name, MonitorSchema<T> schema, string servedModel)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentException.ThrowIfNullOrWhiteSpace(servedModel);
        builder.AddModelMonitoring();
        NamedServices.For(builder.Services, "monitor").Add<IModelMonitor<T>>(
            builder.Services,
            name,
            provider => new ModelMonitor<T>(
                name,
                schema,
                null,
                provider.GetRequiredService<IOptions<MonitoringOptions>>().Value,
                provider.GetRequiredService<TimeProvider>(),
                Path.Combine(provider.GetRequiredService<IOptions<MlValueOptions>>().Value.RootDirectory, "monitor"),
                $"no version of model '{servedModel}' has been served yet",
                provider.GetService<IMeterFactory>(),
                provider.GetService<IMonitorBucketStore>()),
            message => new MonitoringException(message));
        builder.Services.AddSingleton(new MonitorBinding(servedModel, name, typeof(T)));
        return builder.AddPredictionMonitoring<T>(servedModel);
    }
}
