using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlValue;
using MlValue.Annotation;
using MlValue.DependencyInjection;
using MlValue.State;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the annotate stage to MlValue.</summary>
public static class AnnotationBuilderExtensions
{
    /// <summary>The key of the annotation queue in a registered <see cref="IStateStore"/>: <c>annotation-queue</c>.</summary>
    public const string QueueStateKey = "annotation-queue";

    /// <summary>
    /// Registers <see cref="AnnotationOptions"/> (bound from <c>MlValue:Annotation</c>, validated at
    /// start-up) and a singleton <see cref="AnnotationTaskQueue"/> in
    /// <see cref="AnnotationOptions.RootDirectory"/> or <c>&lt;MlValue:RootDirectory&gt;/annotation</c> — or, when an
    /// <see cref="IStateStore"/> is registered (<c>UsePostgreSql</c> registers one), in that store under the key
    /// <see cref="QueueStateKey"/>, so that many processes share one queue. Calling it again is harmless.
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
            if (sp.GetService<IStateStore>() is { } store)
            {
                return AnnotationTaskQueue.InStateStore(store, QueueStateKey, sp.GetRequiredService<TimeProvider>(), sp.GetService<IMeterFactory>());
            }

            var options = sp.GetRequiredService<IOptions<AnnotationOptions>>().Value;
            var root = options.RootDirectory ?? Path.Combine(sp.GetRequiredService<IOptions<MlValueOptions>>().Value.RootDirectory, "annotation");
            return new AnnotationTaskQueue(root, sp.GetRequiredService<TimeProvider>(), sp.GetService<IMeterFactory>());
        });
        return builder;
    }
}
