using System.Diagnostics.Metrics;
using MlValue.Diagnostics;

namespace MlValue.Cleaning;

/// <summary>The instruments of the cleaning stage, created once per meter (see <see cref="MlValueMeter"/>).</summary>
internal sealed class CleaningTelemetry
{
    public CleaningTelemetry(Meter meter)
    {
        Records = meter.CreateCounter<long>(
            "mlvalue.cleaning.records", "{record}", "Records read by cleaning runs.");
        Quarantined = meter.CreateCounter<long>(
            "mlvalue.cleaning.quarantined", "{record}", "Records sent to the quarantine, tagged with the rule that rejected them.");
    }

    public Counter<long> Records { get; }

    public Counter<long> Quarantined { get; }

    public void Publish(CleaningReport report)
    {
        Records.Add(report.Input);
        if (!Quarantined.Enabled)
        {
            return;
        }

        if (report.NullRecords > 0)
        {
            Quarantined.Add(report.NullRecords, new KeyValuePair<string, object?>("mlvalue.cleaning.rule", CleaningReport.NullRecordRule));
        }

        foreach (var step in report.Transforms.Concat(report.Rules))
        {
            if (step.Rejected > 0)
            {
                Quarantined.Add(step.Rejected, new KeyValuePair<string, object?>("mlvalue.cleaning.rule", step.Name));
            }
        }
    }
}
