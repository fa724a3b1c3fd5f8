namespace MlValue.Benchmarks.Support;

/// <summary>The model input of the serving and training benchmarks: a flight, and whether it was delayed.</summary>
public sealed class FlightFeatures
{
    /// <summary>Distance in miles.</summary>
    public float Distance { get; set; }

    /// <summary>Scheduled departure hour, 0–23.</summary>
    public float DepartureHour { get; set; }

    /// <summary>Day of week, 0–6.</summary>
    public float DayOfWeek { get; set; }

    /// <summary>Origin airport code.</summary>
    public string Origin { get; set; } = "";

    /// <summary>Carrier code.</summary>
    public string Carrier { get; set; } = "";

    /// <summary>True when the flight left more than 15 minutes late.</summary>
    public bool Label { get; set; }

    /// <summary>Deterministic synthetic flights: later hours, some airports and carriers, and long distances are delayed more often.</summary>
    /// <param name="count">How many rows.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The rows.</returns>
    public static FlightFeatures[] Generate(int count, int seed)
    {
        string[] airports = ["ATL", "ORD", "DFW", "DEN", "LAX", "SFO", "SEA", "JFK", "BOS", "MIA", "PHX", "LAS"];
        string[] carriers = ["AA", "DL", "UA", "WN", "B6", "AS"];
        var random = new Random(seed);
        var rows = new FlightFeatures[count];
        for (var i = 0; i < count; i++)
        {
            var origin = random.Next(airports.Length);
            var carrier = random.Next(carriers.Length);
            var hour = random.Next(24);
            var distance = 100 + (random.NextDouble() * 2500);
            var risk = -2.0 + (hour / 10.0) + (origin % 4 * 0.3) + (carrier * 0.15) + (distance / 3000.0) + (random.NextDouble() * 1.5);
            rows[i] = new FlightFeatures
            {
                Distance = (float)distance,
                DepartureHour = hour,
                DayOfWeek = random.Next(7),
                Origin = airports[origin],
                Carrier = carriers[carrier],
                Label = risk > 0.4,
            };
        }

        return rows;
    }
}
