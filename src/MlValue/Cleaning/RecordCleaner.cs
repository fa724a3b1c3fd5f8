using System.Globalization;
using MlValue.Cleaning.Rules;
using MlValue.Cleaning.Transforms;
using MlValue.Diagnostics;

namespace MlValue.Cleaning;

/// <summary>
/// The default cleaner: one pass, transforms then rules, per-step counters in arrays, and no
/// allocation for a record that is kept (beyond what a transform itself must allocate).
/// </summary>
internal sealed class RecordCleaner<T>(TransformStep<T>[] transforms, RecordRule<T>[] rules, MlValueMeter meter) : IRecordCleaner<T>
    where T : class
{
    private static readonly Func<T?, long, string> IndexPosition = static (_, index) => index.ToString(CultureInfo.InvariantCulture);

    public CleaningResult<T> Clean(IEnumerable<T?> records) => Clean(records, null, CancellationToken.None);

    public CleaningResult<T> Clean(IEnumerable<T?> records, Func<T?, long, string>? positionOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var activity = MlValueTelemetry.ActivitySource.StartActivity("mlvalue.cleaning.clean");
        var position = positionOf ?? IndexPosition;
        var run = new RecordRule<T>[rules.Length];
        var stateful = new List<RecordRule<T>>();
        for (var i = 0; i < rules.Length; i++)
        {
            run[i] = rules[i].Start(position);
            if (run[i].IsStateful)
            {
                stateful.Add(run[i]);
            }
        }

        var keepers = stateful.ToArray();
        var counts = new long[transforms.Length + rules.Length, 3];
        var clean = records is ICollection<T?> sized ? new List<T>(sized.Count) : new List<T>();
        var quarantine = new List<QuarantinedRecord<T>>();
        long index = 0, nulls = 0;
        foreach (var item in records)
        {
            if ((index & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (item is null)
            {
                nulls++;
                quarantine.Add(new(null, index, Position(position, null, index), CleaningReport.NullRecordRule, "the record is null"));
            }
            else if (Process(item, index, run, keepers, counts, position, quarantine) is { } kept)
            {
                clean.Add(kept);
            }

            index++;
        }

        var report = new CleaningReport(index, clean.Count, Steps(counts, 0, transforms.Select(t => (t.Name, t.Kind))), Steps(counts, transforms.Length, rules.Select(r => (r.Name, r.Kind))), nulls);
        meter.Cleaning.Publish(report);
        activity?.SetTag("mlvalue.cleaning.input", report.Input);
        activity?.SetTag("mlvalue.cleaning.quarantined", report.Quarantined);
        return new CleaningResult<T>(clean, new Quarantine<T>(quarantine), report);
    }

    private T? Process(T record, long index, RecordRule<T>[] run, RecordRule<T>[] keepers, long[,] counts, Func<T?, long, string> position, List<QuarantinedRecord<T>> quarantine)
    {
        var step = 0;
        try
        {
            for (; step < transforms.Length; step++)
            {
                counts[step, 0]++;
                var status = transforms[step].Apply(ref record, out var failure);
                if (status == TransformStatus.Changed)
                {
                    counts[step, 1]++;
                }
                else if (status == TransformStatus.Failed)
                {
                    return Reject(record, index, step, transforms[step].Name, failure ?? "the value could not be fixed", counts, position, quarantine);
                }
            }

            for (var r = 0; r < run.Length; r++, step++)
            {
                counts[step, 0]++;
                if (!run[r].Passes(record))
                {
                    return Reject(record, index, step, run[r].Name, run[r].Reason(record), counts, position, quarantine);
                }
            }

            foreach (var keeper in keepers)
            {
                keeper.Accept(record, index);
            }

            return record;
        }
#pragma warning disable CA1031 // A failing user rule or transform must quarantine the record, never escape the run.
        catch (Exception error) when (error is not OperationCanceledException)
#pragma warning restore CA1031
        {
            var name = step < transforms.Length ? transforms[step].Name : run[Math.Min(step - transforms.Length, run.Length - 1)].Name;
            return Reject(record, index, step, name, $"{name} threw {error.GetType().Name}: {error.Message}", counts, position, quarantine);
        }
    }

    private static T? Reject(T record, long index, int step, string rule, string reason, long[,] counts, Func<T?, long, string> position, List<QuarantinedRecord<T>> quarantine)
    {
        counts[step, 2]++;
        quarantine.Add(new(record, index, Position(position, record, index), rule, reason));
        return null;
    }

    private static string Position(Func<T?, long, string> position, T? record, long index)
    {
        try
        {
            return position(record, index);
        }
#pragma warning disable CA1031 // A broken position function must not lose the record; the index still locates it.
        catch (Exception error)
#pragma warning restore CA1031
        {
            return string.Create(CultureInfo.InvariantCulture, $"{index} (position unavailable: {error.GetType().Name})");
        }
    }

    private static StepCount[] Steps(long[,] counts, int offset, IEnumerable<(string Name, string Kind)> steps)
        => [.. steps.Select((s, i) => new StepCount(s.Name, s.Kind, counts[offset + i, 0], counts[offset + i, 1], counts[offset + i, 2]))];
}
