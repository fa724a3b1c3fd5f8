using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MlValue.DependencyInjection;

/// <summary>
/// Returned by <c>services.AddMlValue(...)</c>: each stage of the loop is configured or replaced
/// through extension methods on this builder (<c>AddXxx</c> adds a default, <c>UseXxx</c> swaps one in).
/// </summary>
public sealed class MlValueBuilder
{
    internal MlValueBuilder(IServiceCollection services, IConfiguration? configuration)
    {
        Services = services;
        Configuration = configuration;
    }

    /// <summary>The service collection that the stages register into.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// The <c>MlValue</c> configuration section given to <c>AddMlValue</c>, or <see langword="null"/>.
    /// Stage options bind from its sub-sections (for example <c>MlValue:Registry</c>).
    /// </summary>
    public IConfiguration? Configuration { get; }

    /// <summary>
    /// Registers options of type <typeparamref name="TOptions"/>, bound from the sub-section
    /// <paramref name="sectionName"/> when configuration was given, then changed by
    /// <paramref name="configure"/>, and validated at start-up by <typeparamref name="TValidator"/>.
    /// </summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <typeparam name="TValidator">The validator that names the bad setting.</typeparam>
    /// <param name="sectionName">The sub-section of <c>MlValue</c> to bind, for example <c>Registry</c>; empty for the section itself.</param>
    /// <param name="configure">An optional change applied after binding.</param>
    /// <returns>This builder.</returns>
    public MlValueBuilder ConfigureOptions<TOptions, TValidator>(string sectionName, Action<TOptions>? configure = null)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(sectionName);
        var options = Services.AddOptions<TOptions>();
        if (MlValueMarker.FirstRegistration<TOptions>(Services))
        {
            if (Configuration is not null)
            {
                options.Bind(sectionName.Length == 0 ? Configuration : Configuration.GetSection(sectionName));
            }

            options.ValidateOnStart();
            Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        return this;
    }
}
