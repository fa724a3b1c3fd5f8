using Microsoft.Extensions.DependencyInjection.Extensions;
using MlValue.DependencyInjection;
using MlValue.Training;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the training stage to MlValue.</summary>
public static class TrainingBuilderExtensions
{
    /// <summary>
    /// Adds the built-in model formats (<c>mlnet-zip</c>, <c>mlvalue-baseline-json</c>), the
    /// <see cref="ModelFormatRegistry"/>, and <see cref="ITrainer{TRecord}"/> configured by
    /// <see cref="TrainingOptions"/> from <c>MlValue:Training</c> (validated at start-up). Calling it again is harmless.
    /// </summary>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="configure">Optional changes applied after binding.</param>
    /// <returns>The builder.</returns>
    public static MlValueBuilder AddTraining(this MlValueBuilder builder, Action<TrainingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureOptions<TrainingOptions, TrainingOptionsValidator>("Training", configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelFormat, MlNetModelFormat>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelFormat, BaselineModelFormat>());
        builder.Services.TryAddSingleton<ModelFormatRegistry>();
        builder.Services.TryAdd(ServiceDescriptor.Singleton(typeof(ITrainer<>), typeof(ConfiguredTrainer<>)));
        return builder;
    }

    /// <summary>Registers a rule that rule baselines may name, so <see cref="BaselineModelFormat"/> can load them.</summary>
    /// <typeparam name="TRecord">The record type the rule reads.</typeparam>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="rule">The named rule.</param>
    /// <returns>The builder.</returns>
    public static MlValueBuilder AddBaselineRule<TRecord>(this MlValueBuilder builder, BaselineRule<TRecord> rule)
        where TRecord : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(rule);
        builder.Services.AddSingleton<BaselineRule>(rule);
        return builder;
    }
}
