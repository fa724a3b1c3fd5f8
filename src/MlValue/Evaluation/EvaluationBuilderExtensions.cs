using Microsoft.Extensions.DependencyInjection.Extensions;
using MlValue.DependencyInjection;
using MlValue.Evaluation;
using MlValue.Registry;
using MlValue.Training;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the evaluation stage to MlValue.</summary>
public static class EvaluationBuilderExtensions
{
    /// <summary>
    /// Adds the default <see cref="IEvaluator"/> and <see cref="IPromotionJudge"/> with <see cref="EvaluationOptions"/> bound from
    /// <c>MlValue:Evaluation</c> and validated at start-up, and the <see cref="PromotionStep"/> (which
    /// also needs the registry stage and the model formats). Calling it again is harmless.
    /// </summary>
    /// <param name="builder">The MlValue builder.</param>
    /// <param name="configure">Optional changes applied after binding.</param>
    /// <returns>The builder.</returns>
    public static MlValueBuilder AddEvaluation(this MlValueBuilder builder, Action<EvaluationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureOptions<EvaluationOptions, EvaluationOptionsValidator>("Evaluation", configure);
        builder.Services.TryAddSingleton<IEvaluator, ModelEvaluator>();
        builder.Services.TryAddSingleton<IPromotionJudge, PromotionJudge>();
        builder.Services.TryAddSingleton<ModelFormatRegistry>();
        builder.Services.TryAddSingleton(sp => new PromotionStep(
            sp.GetRequiredService<IEvaluator>(),
            sp.GetRequiredService<IPromotionJudge>(),
            sp.GetRequiredService<IModelRegistry>(),
            sp.GetRequiredService<ModelFormatRegistry>(),
            sp));
        return builder;
    }
}
