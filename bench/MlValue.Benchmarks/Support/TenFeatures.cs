using MlValue.Training;
using MlValue.Monitoring;

namespace MlValue.Benchmarks.Support;

/// <summary>A monitored record with 10 features: 8 numeric, 2 categorical.</summary>
public sealed class TenFeatures
{
    /// <summary>Feature values 0–7.</summary>
    public double F0 { get; set; }

    /// <summary>Feature 1.</summary>
    public double F1 { get; set; }

    /// <summary>Feature 2.</summary>
    public double F2 { get; set; }

    /// <summary>Feature 3.</summary>
    public double F3 { get; set; }

    /// <summary>Feature 4.</summary>
    public double F4 { get; set; }

    /// <summary>Feature 5.</summary>
    public double F5 { get; set; }

    /// <summary>Feature 6.</summary>
    public double F6 { get; set; }

    /// <summary>Feature 7.</summary>
    public double F7 { get; set; }

    /// <summary>Categorical feature 8.</summary>
    public string C8 { get; set; } = "";

    /// <summary>Categorical feature 9.</summary>
    public string C9 { get; set; } = "";

    /// <summary>The schema over the 10 features.</summary>
    /// <returns>The schema.</returns>
    public static MonitorSchema<TenFeatures> Schema() => new MonitorSchema<TenFeatures>(PredictionTask.BinaryClassification)
        .Numeric("f0", r => r.F0).Numeric("f1", r => r.F1).Numeric("f2", r => r.F2).Numeric("f3", r => r.F3)
        .Numeric("f4", r => r.F4).Numeric("f5", r => r.F5).Numeric("f6", r => r.F6).Numeric("f7", r => r.F7)
        .Categorical("c8", r => r.C8).Categorical("c9", r => r.C9);

    /// <summary>Deterministic records; categories from a fixed set of strings.</summary>
    /// <param name="count">How many.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="shift">Added to every numeric value (0 = the reference distribution).</param>
    /// <returns>The records.</returns>
    public static TenFeatures[] Generate(int count, int seed, double shift = 0)
    {
        string[] colours = ["red", "green", "blue", "cyan", "magenta", "yellow", "black", "white"];
        string[] sizes = ["xs", "s", "m", "l", "xl"];
        var random = new Random(seed);
        var records = new TenFeatures[count];
        for (var i = 0; i < count; i++)
        {
            records[i] = new TenFeatures
            {
                F0 = random.NextDouble() + shift, F1 = random.NextDouble() * 10, F2 = random.NextDouble() * 100, F3 = Math.Round(random.NextDouble() * 5),
                F4 = -random.NextDouble(), F5 = random.NextDouble() * random.NextDouble(), F6 = random.Next(1000), F7 = 1 + random.NextDouble(),
                C8 = colours[random.Next(colours.Length)], C9 = sizes[random.Next(sizes.Length)],
            };
        }

        return records;
    }
}
