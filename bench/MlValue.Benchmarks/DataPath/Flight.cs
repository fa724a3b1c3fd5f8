namespace MlValue.Benchmarks.DataPath;

/// <summary>One row of flights-3m.parquet. Missing numbers are read as NaN so the range rules quarantine them with their own reason.</summary>
public sealed class Flight
{
    /// <summary>Scheduled departure.</summary>
    public DateTime? Date { get; set; }

    /// <summary>Departure delay in minutes.</summary>
    public double Delay { get; set; }

    /// <summary>Distance in miles.</summary>
    public double Distance { get; set; }

    /// <summary>Origin airport code.</summary>
    public string? Origin { get; set; }

    /// <summary>Destination airport code.</summary>
    public string? Destination { get; set; }
}
