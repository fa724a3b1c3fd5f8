using System.Diagnostics.Metrics;
using MlValue.Diagnostics;
using MlValue.Internal;

namespace MlValue.Training;

/// <summary>
/// The no-ML baselines ("start with no ML"): they go through <see cref="ITrainer{TRecord}"/> like any
/// model and produce <c>mlvalue-baseline-json</c> artifacts that <see cref="BaselineModelFormat"/> loads.
/// </summary>
public static class BaselineTrainers
{
    /// <summary>Predicts the most frequent class (binary or multiclass), or the mean label (regression).</summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="task">The prediction task.</param>
    /// <param name="labelColumn">The label column.</param>
    /// <param name="timeProvider">Measures the duration; default <see cref="TimeProvider.System"/>.</param>
    /// <param name="meterFactory">The container's meter factory, which creates the meter the training duration is recorded on; <see langword="null"/> for MlValue's shared meter.</param>
    /// <returns>The trainer, named <c>baseline-majority</c> or <c>baseline-mean</c>.</returns>
    public static ITrainer<TRecord> Majority<TRecord>(PredictionTask task, string labelColumn, TimeProvider? timeProvider = null, IMeterFactory? meterFactory = null)
        where TRecord : class, new()
        => new BaselineTrainer<TRecord>(task, labelColumn, rule: null, timeProvider ?? TimeProvider.System, new TrainingTelemetry(meterFactory));

    /// <summary>
    /// Predicts with a user rule (binary). The rule's name is recorded; the rule itself must be given
    /// again to <see cref="BaselineModelFormat"/> at load time, or loading throws <see cref="MissingBaselineRuleException"/>.
    /// </summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="rule">The named rule.</param>
    /// <param name="labelColumn">The label column (<see langword="bool"/>), used for the training metrics.</param>
    /// <param name="timeProvider">Measures the duration; default <see cref="TimeProvider.System"/>.</param>
    /// <param name="meterFactory">The container's meter factory, which creates the meter the training duration is recorded on; <see langword="null"/> for MlValue's shared meter.</param>
    /// <returns>The trainer, named <c>baseline-rule-&lt;rule name&gt;</c>.</returns>
    public static ITrainer<TRecord> Rule<TRecord>(BaselineRule<TRecord> rule, string labelColumn, TimeProvider? timeProvider = null, IMeterFactory? meterFactory = null)
        where TRecord : class, new()
        => new BaselineTrainer<TRecord>(PredictionTask.BinaryClassification, labelColumn, Guard.NotNull(rule), timeProvider ?? TimeProvider.System, new TrainingTelemetry(meterFactory));
}
