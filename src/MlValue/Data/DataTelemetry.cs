using System.Diagnostics.Metrics;
using MlValue.Diagnostics;

namespace MlValue.Data;

internal static class DataTelemetry
{
    public static readonly Counter<long> RecordsRead = MlValueTelemetry.Meter.CreateCounter<long>(
        "mlvalue.data.records_read", "{record}", "Records delivered by data sources.");

    public static readonly Counter<long> ReadErrors = MlValueTelemetry.Meter.CreateCounter<long>(
        "mlvalue.data.read_errors", "{error}", "Records or files a data source could not deliver, each reported as a read error.");

    public static readonly Counter<long> RowsHashed = MlValueTelemetry.Meter.CreateCounter<long>(
        "mlvalue.data.rows_hashed", "{row}", "Rows streamed through the content hash of datasets.");

    public static void Record<T>(DataBatch<T> batch)
        where T : class, new()
    {
        var tag = new KeyValuePair<string, object?>("mlvalue.data.source", batch.SourceName);
        if (batch.Records.Count > 0)
        {
            RecordsRead.Add(batch.Records.Count, tag);
        }

        if (batch.Errors.Count > 0)
        {
            ReadErrors.Add(batch.Errors.Count, tag);
        }
    }
}
