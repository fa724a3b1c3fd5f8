using MlValue.Training;

namespace MlValue.Monitoring;

/// <summary>Outcomes: joining the ground truth to its waiting prediction, and counting what cannot be joined.</summary>
public sealed partial class ModelMonitor<T>
{
    /// <summary>Binary or regression: the kinds recorded with a number.</summary>
    private const PredictionTask NumericKind = (PredictionTask)(-1);

    /// <inheritdoc />
    public OutcomeStatus RecordOutcome(string correlationId, double outcome)
    {
        ArgumentException.ThrowIfNullOrEmpty(correlationId);
        Expect(NumericKind, outcome);
        if (!double.IsFinite(outcome) || (Prediction == PredictionTask.BinaryClassification && outcome is not (0 or 1)))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, $"Monitor '{Name}' ({Prediction}) got outcome {outcome} for correlation id '{correlationId}'; binary outcomes must be 0 or 1, regression outcomes finite numbers.");
        }

        return Outcome(correlationId, outcome, null);
    }

    /// <inheritdoc />
    public OutcomeStatus RecordOutcome(string correlationId, string actualClass)
    {
        ArgumentException.ThrowIfNullOrEmpty(correlationId);
        ArgumentException.ThrowIfNullOrEmpty(actualClass);
        return Outcome(correlationId, 0, Expect(PredictionTask.MulticlassClassification, actualClass));
    }

    private OutcomeStatus Outcome(string correlationId, double outcome, string? actualClass)
    {
        var now = _time.GetUtcNow().UtcTicks;
        if (_pending.TryTake(correlationId, now, out var pending) && _ring.Find(pending.Bucket) is { } bucket)
        {
            lock (bucket.Gate)
            {
                if (bucket.Index == pending.Bucket)
                {
                    if (actualClass is not null) { bucket.Classes!.Add(pending.PredictedClass!, actualClass); }
                    else if (Prediction == PredictionTask.BinaryClassification) { bucket.Performance.AddBinary(pending.Prediction, outcome == 1, _options.DecisionThreshold); }
                    else { bucket.Performance.AddRegression(pending.Prediction, outcome); }
                    bucket.Touch();
                    return OutcomeStatus.Recorded;
                }
            }
        }

        var status = pending.Sequence == 0 ? OutcomeStatus.Unknown : OutcomeStatus.Expired;
        CountAtArrival(now / _width, status == OutcomeStatus.Unknown ? RecordStatus.Accepted : RecordStatus.AcceptedLate, status);
        _telemetry.UnknownOutcomes.Add(1, _tag);
        return status;
    }

    /// <summary>Returns <paramref name="value"/> when the monitor records this kind (<see cref="NumericKind"/>: binary or regression); otherwise says which overload to use.</summary>
    private TValue Expect<TValue>(PredictionTask kind, TValue value)
    {
        if ((kind == PredictionTask.MulticlassClassification) != (Prediction == PredictionTask.MulticlassClassification))
        {
            throw WrongKind(kind == PredictionTask.MulticlassClassification);
        }

        return value;
    }

    private MonitoringException WrongKind(bool gotClass) => new(gotClass
        ? $"Monitor '{Name}' watches {Prediction} predictions, so it records numbers: call Record(input, double prediction, …) and RecordOutcome(id, double outcome), or declare the schema with PredictionTask.MulticlassClassification to record class labels."
        : $"Monitor '{Name}' watches Multiclass predictions, so it records class labels: call Record(input, string predictedClass, …) and RecordOutcome(id, string actualClass).");

    private void CountAtArrival(long nowIndex, RecordStatus status, OutcomeStatus? outcome = null)
    {
        if (status == RecordStatus.TooLate)
        {
            _telemetry.LateRecords.Add(1, _tag);
        }

        var bucket = _ring.Acquire(nowIndex);
        if (bucket is null)
        {
            return;
        }

        lock (bucket.Gate)
        {
            if (outcome is { } o) { if (o == OutcomeStatus.Unknown) { bucket.UnknownOutcomes++; } else { bucket.ExpiredOutcomes++; } }
            else if (status == RecordStatus.TooLate) { bucket.TooLate++; }
            else if (status == RecordStatus.InFuture) { bucket.InFuture++; }
            else { bucket.InvalidPredictions++; }
            bucket.Touch();
        }
    }
}
