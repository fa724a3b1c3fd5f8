using Parquet;
using Parquet.Schema;

namespace MlValue.Benchmarks.DataPath;

/// <summary>
/// Reads flights parquet files (columns date, delay, distance, origin, destination) with Parquet.Net, one row group at a
/// time: each column chunk is read as an array into buffers reused across row groups, string columns as character
/// memory interned through <see cref="CodeInterner"/>, then the records are built in one loop.
/// </summary>
public static class FlightParquet
{
    private static readonly DataField DateField = new DataField<DateTime?>("date");
    private static readonly DataField DelayField = new DataField<long?>("delay");
    private static readonly DataField DistanceField = new DataField<long?>("distance");
    private static readonly DataField OriginField = new DataField<string>("origin");
    private static readonly DataField DestinationField = new DataField<string>("destination");

    /// <summary>Streams the rows: each row group's columns are read, then its rows are yielded.</summary>
    /// <param name="path">The parquet file.</param>
    /// <returns>The rows, in file order.</returns>
    public static IEnumerable<Flight> Read(string path)
    {
        var reader = ParquetReader.CreateAsync(path).GetAwaiter().GetResult();
        try
        {
            foreach (var flight in ReadGroups(reader))
            {
                yield return flight;
            }
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static IEnumerable<Flight> ReadGroups(ParquetReader reader)
    {
        var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name, StringComparer.Ordinal);
        var airports = new CodeInterner();
        var size = 0;
        DateTime?[] dates = [];
        long?[] delays = [];
        long?[] distances = [];
        ReadOnlyMemory<char>?[] origins = [];
        ReadOnlyMemory<char>?[] destinations = [];
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            if (count > size)
            {
                // The column buffers are reused across row groups; they only grow.
                size = count;
                dates = new DateTime?[size];
                delays = new long?[size];
                distances = new long?[size];
                origins = new ReadOnlyMemory<char>?[size];
                destinations = new ReadOnlyMemory<char>?[size];
            }

            group.ReadAsync(fields[DateField.Name], dates.AsMemory(0, count)).AsTask().GetAwaiter().GetResult();
            group.ReadAsync(fields[DelayField.Name], delays.AsMemory(0, count)).AsTask().GetAwaiter().GetResult();
            group.ReadAsync(fields[DistanceField.Name], distances.AsMemory(0, count)).AsTask().GetAwaiter().GetResult();

            // Strings read as character memory and interned: a few hundred airport codes, not two new strings a row.
            group.ReadAsync(fields[OriginField.Name], origins.AsMemory(0, count)).AsTask().GetAwaiter().GetResult();
            group.ReadAsync(fields[DestinationField.Name], destinations.AsMemory(0, count)).AsTask().GetAwaiter().GetResult();
            for (var i = 0; i < count; i++)
            {
                yield return new Flight
                {
                    Date = dates[i],
                    Delay = delays[i] ?? double.NaN,
                    Distance = distances[i] ?? double.NaN,
                    Origin = airports.Intern(origins[i]),
                    Destination = airports.Intern(destinations[i]),
                };
            }
        }
    }

    /// <summary>Writes rows to a parquet file with the same schema as flights-3m (for tests and the smoke run).</summary>
    /// <param name="path">The file to create.</param>
    /// <param name="rows">The rows.</param>
    public static void Write(string path, IReadOnlyList<Flight> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var schema = new ParquetSchema(DateField, DelayField, DistanceField, OriginField, DestinationField);
        using var file = File.Create(path);
        var writer = ParquetWriter.CreateAsync(schema, file).GetAwaiter().GetResult();
        try
        {
            WriteGroup(writer, rows);
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static void WriteGroup(ParquetWriter writer, IReadOnlyList<Flight> rows)
    {
        using var group = writer.CreateRowGroup();
        group.WriteAsync<DateTime>(DateField, rows.Select(r => r.Date).ToArray().AsMemory()).GetAwaiter().GetResult();
        group.WriteAsync<long>(DelayField, rows.Select(r => double.IsNaN(r.Delay) ? (long?)null : (long)r.Delay).ToArray().AsMemory()).GetAwaiter().GetResult();
        group.WriteAsync<long>(DistanceField, rows.Select(r => double.IsNaN(r.Distance) ? (long?)null : (long)r.Distance).ToArray().AsMemory()).GetAwaiter().GetResult();
        group.WriteAsync(OriginField, rows.Select(r => r.Origin!).ToArray()).GetAwaiter().GetResult();
        group.WriteAsync(DestinationField, rows.Select(r => r.Destination!).ToArray()).GetAwaiter().GetResult();
    }
}
