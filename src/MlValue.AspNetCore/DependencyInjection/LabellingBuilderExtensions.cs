using Microsoft.Extensions.DependencyInjection.Extensions;
using MlValue.AspNetCore;
using MlValue.AspNetCore.Labelling;
using MlValue.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the services of MlValue's labelling page (ASP.NET Core).</summary>
public static class LabellingBuilderExtensions
{
    /// <summary>
    /// Registers what <c>app.MapLabellingPage&lt;TItem, TLabel&gt;(path, choices)</c> needs: <see cref="LabellingOptions"/>,
    /// bound from <c>MlValue:Labelling</c> and validated at start-up (a <see cref="LabellingOptions.Policy"/> is required),
    /// the anti-forgery services, and the annotation task queue (<c>AddAnnotation</c>) the page answers into.
    /// </summary>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="configure">Optional changes applied after binding.</param>
    /// <returns>The builder.</returns>
    public static MlValueBuilder AddLabellingPage(this MlValueBuilder builder, Action<LabellingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAnnotation();
        builder.Services.AddAntiforgery();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder.ConfigureOptions<LabellingOptions, LabellingOptionsValidator>("Labelling", configure);
    }
}
