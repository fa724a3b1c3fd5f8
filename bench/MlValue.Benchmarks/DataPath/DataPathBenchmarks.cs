using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using MlValue.Benchmarks.Support;
using MlValue.Cleaning;

namespace MlValue.Benchmarks.DataPath;

/// <summary>
/// Target 6: read flights-3m.parquet with Parquet.Net and clean it with 5 rules, against only reading it.
/// Rows per second = rows / mean time; the rules: date not null, delay in [-120, 1800] minutes, distance in
/// [1, 6000] miles, origin is a 3-letter IATA code, origin differs from destination.
/// </summary>
[MemoryDiagnoser]
public partial class DataPathBenchmarks
{
    private TempFolder? _folder;
    private IRecordCleaner<Flight> _cleaner = null!;

    /// <summary>The parquet file read.</summary>
    public string Path { get; private set; } = "";

    /// <summary>Finds (or fetches) flights-3m.parquet; the smoke test writes a tiny file instead.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (BenchmarkSettings.Smoke)
        {
            _folder = new TempFolder("mlvalue-bench-flights");
            Path = System.IO.Path.Combine(_folder.Path, "flights-tiny.parquet");
            FlightParquet.Write(Path, TinyFlights());
        }
        else
        {
            Path = FlightsDataset.EnsureFlights3m();
        }

        _cleaner = Rules();
    }

    /// <summary>Deletes the smoke file.</summary>
    [GlobalCleanup]
    public void Cleanup() => _folder?.Dispose();

    /// <summary>The 5 cleaning rules.</summary>
    /// <returns>The cleaner.</returns>
    public static IRecordCleaner<Flight> Rules() => CleaningRules<Flight>.Create()
        .NotNull(f => f.Date)
        .Range(f => f.Delay, -120.0, 1800.0)
        .Range(f => f.Distance, 1.0, 6000.0)
        .Matches(f => f.Origin, IataCode())
        .Must("distinct-airports", f => !string.Equals(f.Origin, f.Destination, StringComparison.Ordinal), f => $"origin and destination are both '{f.Origin}'")
        .Build();

    /// <summary>Reads every row.</summary>
    /// <returns>The row count.</returns>
    [Benchmark(Baseline = true)]
    public long ReadOnly()
    {
        long rows = 0;
        foreach (var flight in FlightParquet.Read(Path))
        {
            rows += flight.Origin is null ? 0 : 1;
        }

        return rows;
    }

    /// <summary>Reads every row through the 5 rules.</summary>
    /// <returns>The clean row count plus the quarantined count.</returns>
    [Benchmark]
    public long ReadAndClean()
    {
        var result = _cleaner.Clean(FlightParquet.Read(Path));
        return result.Clean.Count + result.Quarantine.Count;
    }

    /// <summary>Rows that exercise every rule: good ones and one broken per rule.</summary>
    /// <returns>The rows.</returns>
    public static List<Flight> TinyFlights()
    {
        var rows = new List<Flight>();
        var start = new DateTime(2006, 1, 1, 6, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 200; i++)
        {
            rows.Add(new Flight { Date = start.AddMinutes(37 * i), Delay = (i % 50) - 10, Distance = 100 + (i * 7), Origin = i % 2 == 0 ? "SFO" : "LAX", Destination = i % 2 == 0 ? "JFK" : "SEA" });
        }

        rows.Add(new Flight { Date = null, Delay = 0, Distance = 300, Origin = "SFO", Destination = "LAX" });
        rows.Add(new Flight { Date = start, Delay = double.NaN, Distance = 300, Origin = "SFO", Destination = "LAX" });
        rows.Add(new Flight { Date = start, Delay = 0, Distance = 0, Origin = "SFO", Destination = "LAX" });
        rows.Add(new Flight { Date = start, Delay = 0, Distance = 300, Origin = "sfo", Destination = "LAX" });
        rows.Add(new Flight { Date = start, Delay = 0, Distance = 300, Origin = "SFO", Destination = "SFO" });
        return rows;
    }

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex IataCode();
}
