using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlValue.Cleaning;
using MlValue.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the cleaning and validation stage to MlValue.</summary>
public static class CleaningServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CleaningOptions"/> bound from <c>MlValue:Cleaning</c> and validated at start-up,
    /// and <see cref="IDataValidator"/> (default <see cref="DataValidator"/>). Calling it twice is harmless.
    /// The record cleaners of each record type are registered with <see cref="AddRecordCleaner{T}"/>.
    /// </summary>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="configure">Optional changes applied after binding.</param>
    /// <returns>The builder.</returns>
    public static MlValueBuilder AddCleaning(this MlValueBuilder builder, Action<CleaningOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureOptions<CleaningOptions, CleaningOptionsValidator>("Cleaning", configure);
        builder.Services.TryAddSingleton<IDataValidator>(sp => new DataValidator(sp.GetRequiredService<IOptions<CleaningOptions>>().Value));
        return builder;
    }

    /// <summary>
    /// Registers the <see cref="IRecordCleaner{T}"/> of <typeparamref name="T"/>: the transforms and
    /// rules that <paramref name="rules"/> declares, built once (rule names are checked then).
    /// Adds the cleaning stage if it is not there yet.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="rules">Declares the transforms and rules, for example <c>r =&gt; r.NotEmpty(m =&gt; m.Body)</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="CleaningException">A cleaner of <typeparamref name="T"/> is already registered.</exception>
    public static MlValueBuilder AddRecordCleaner<T>(this MlValueBuilder builder, Action<CleaningRules<T>> rules)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(rules);
        builder.AddCleaning();
        if (builder.Services.Any(d => d.ServiceType == typeof(IRecordCleaner<T>) && !d.IsKeyedService))
        {
            throw new CleaningException($"An IRecordCleaner<{typeof(T).Name}> is already registered. Declare all transforms and rules of {typeof(T).Name} in one AddRecordCleaner call.");
        }

        var declared = CleaningRules<T>.Create();
        rules(declared);
        builder.Services.AddSingleton(sp => declared.Build(sp.GetService<IMeterFactory>()));
        return builder;
    }
}
