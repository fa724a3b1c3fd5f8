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
}
