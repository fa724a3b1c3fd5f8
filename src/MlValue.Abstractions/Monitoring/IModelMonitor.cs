using MlValue.Training;

namespace MlValue.Monitoring;

/// <summary>
/// The monitoring seam: record each prediction on the request path (thread-safe, allocation-free in steady
/// state), record outcomes when they arrive, read windows of drift, performance and data quality.
/// </summary>
/// <typeparam name="T">The input type of the monitored model.</typeparam>
public interface IModelMonitor<in T>
{
    /// <summary>Records one prediction, with its event time taken from the monitor's clock.</summary>
    /// <param name="input">The model input; the schema's accessors read its features.</param>
    /// <param name="prediction">Binary: the probability of the positive class; regression: the predicted value.</param>
    /// <param name="modelVersion">The model version that answered.</param>
    /// <param name="correlationId">The id under which the outcome will arrive.</param>
    /// <returns>Where the record went.</returns>
    RecordStatus Record(T input, double prediction, string modelVersion, string correlationId);

    /// <summary>Records one prediction that happened at <paramref name="eventTime"/>.</summary>
    /// <param name="input">The model input; the schema's accessors read its features.</param>
    /// <param name="prediction">Binary: the probability of the positive class; regression: the predicted value.</param>
    /// <param name="modelVersion">The model version that answered.</param>
    /// <param name="correlationId">The id under which the outcome will arrive.</param>
    /// <param name="eventTime">When the prediction was made.</param>
    /// <returns>Where the record went: stored, stored late, or counted as too late, in the future or invalid.</returns>
    RecordStatus Record(T input, double prediction, string modelVersion, string correlationId, DateTimeOffset eventTime);

    /// <summary>Records one multiclass prediction (schema of <see cref="PredictionTask.MulticlassClassification"/>), with its event time taken from the monitor's clock.</summary>
    /// <param name="input">The model input; the schema's accessors read its features.</param>
    /// <param name="predictedClass">The predicted class label (for example <c>MulticlassPrediction.PredictedLabel</c>); kept by reference, not copied.</param>
    /// <param name="modelVersion">The model version that answered.</param>
    /// <param name="correlationId">The id under which the outcome will arrive.</param>
    /// <returns>Where the record went; an empty class is an invalid prediction.</returns>
    RecordStatus Record(T input, string predictedClass, string modelVersion, string correlationId);

    /// <summary>Records one multiclass prediction that happened at <paramref name="eventTime"/>.</summary>
    /// <param name="input">The model input; the schema's accessors read its features.</param>
    /// <param name="predictedClass">The predicted class label; kept by reference, not copied.</param>
    /// <param name="modelVersion">The model version that answered.</param>
    /// <param name="correlationId">The id under which the outcome will arrive.</param>
    /// <param name="eventTime">When the prediction was made.</param>
    /// <returns>Where the record went.</returns>
    RecordStatus Record(T input, string predictedClass, string modelVersion, string correlationId, DateTimeOffset eventTime);

    /// <summary>Records the actual class of an earlier multiclass prediction; the per-class performance of the prediction's bucket is updated.</summary>
    /// <param name="correlationId">The id given to <c>Record</c>.</param>
    /// <param name="actualClass">The actual class label.</param>
    /// <returns>Recorded, or counted as unknown or expired.</returns>
    OutcomeStatus RecordOutcome(string correlationId, string actualClass);

    /// <summary>Records the outcome (ground truth) of an earlier prediction; the performance of the prediction's bucket is updated.</summary>
    /// <param name="correlationId">The id given to <c>Record</c>.</param>
    /// <param name="outcome">Binary: 0 or 1; regression: the actual value.</param>
    /// <returns>Recorded, or counted as unknown or expired.</returns>
    OutcomeStatus RecordOutcome(string correlationId, double outcome);

    /// <summary>One window covering whole buckets from <paramref name="start"/> (inclusive) to <paramref name="end"/> (exclusive).</summary>
    /// <param name="start">The window start, on a bucket boundary.</param>
    /// <param name="end">The window end, on a bucket boundary, after the start.</param>
    /// <returns>The window's drift, performance and data quality.</returns>
    MonitorWindow GetWindow(DateTimeOffset start, DateTimeOffset end);

    /// <summary>The tumbling or sliding windows over the retained buckets, oldest first.</summary>
    /// <param name="spec">Window size and step.</param>
    /// <returns>The windows from the first bucket with data to the current one.</returns>
    IReadOnlyList<MonitorWindow> GetWindows(WindowSpec spec);

    /// <summary>Saves the state (buckets and pending outcomes) to its file, atomically. Does nothing without a state folder.</summary>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>A task that completes when the file is replaced.</returns>
    Task SaveAsync(CancellationToken cancellationToken = default);
}
