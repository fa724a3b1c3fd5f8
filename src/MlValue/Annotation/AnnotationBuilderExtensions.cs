using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlValue;
using MlValue.Annotation;
using MlValue.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the annotate stage to MlValue.</summary>
public static class AnnotationBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="AnnotationOptions"/> (bound from <c>MlValue:Annotation</c>, validated at
    /// start-up) and a singleton <see cref="AnnotationTaskQueue"/> in
    /// <see cref="AnnotationOptions.RootDirectory"/> or <c>&lt;MlValue:RootDirectory&gt;/annotation</c>.
    /// Calling it again is harmless.
    /// </summary>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="configure">Optional changes applied after binding.</param>
    /// <returns>The builder.</returns>
    public static MlValueBuilder AddAnnotation(this MlValueBuilder builder, Action<AnnotationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureOptions<AnnotationOptions, AnnotationOptionsValidator>("Annotation", configure);
        builder.Services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AnnotationOptions>>().Value;
            var root = options.RootDirectory ?? Path.Combine(sp.GetRequiredService<IOptions<MlValueOptions>>().Value.RootDirectory, "annotation");
            return new AnnotationTaskQueue(root, sp.GetRequiredService<TimeProvider>(), sp.GetService<IMeterFactory>());
        });
        return builder;
    }
}
