using System.Diagnostics.Metrics;
using MlValue.Diagnostics;

namespace MlValue.Data;

/// <summary>The instruments of the data stage, created once per meter (see <see cref="MlValueMeter"/>).</summary>
internal sealed class DataTelemetry
{
    public DataTelemetry(Meter meter)
    {
        RecordsRead = meter.CreateCounter<long>(
            "mlvalue.data.records_read", "{record}", "Records delivered by data sources.");
        ReadErrors = meter.CreateCounter<long>(
            "mlvalue.data.read_errors", "{error}", "Records or files a data source could not deliver, each reported as a read error.");
        HashedRows = meter.CreateCounter<long>(
            "mlvalue.data.rows_hashed", "{row}", "Rows streamed through the content hash of datasets.");
    }

    /// <summary>
    /// The hashing counter of the shared fallback meter: dataset hashing (<c>Dataset.FromRecords</c>
    /// and the ML.NET data-view hash) runs in static helpers that have no owner to carry a factory.
    /// </summary>
    public static Counter<long> RowsHashed => MlValueMeter.Shared.Data.HashedRows;

    public Counter<long> RecordsRead { get; }

    public Counter<long> ReadErrors { get; }

    /// <summary><c>mlvalue.data.rows_hashed</c> on this meter.</summary>
    public Counter<long> HashedRows { get; }

    public void Record<T>(DataBatch<T> batch)
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
