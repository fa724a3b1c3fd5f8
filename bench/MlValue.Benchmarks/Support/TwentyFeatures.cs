using MlValue.Training;
using MlValue.Monitoring;

namespace MlValue.Benchmarks.Support;

/// <summary>A record with 20 features (16 numeric, 4 categorical), held as arrays so the schema is built in a loop.</summary>
public sealed class TwentyFeatures
{
    /// <summary>Numeric features.</summary>
    public double[] Numbers { get; } = new double[16];

    /// <summary>Categorical features.</summary>
    public string[] Categories { get; } = new string[4];

    /// <summary>The schema over the 20 features.</summary>
    /// <returns>The schema.</returns>
    public static MonitorSchema<TwentyFeatures> Schema()
    {
        var schema = new MonitorSchema<TwentyFeatures>(PredictionTask.BinaryClassification);
        for (var i = 0; i < 16; i++)
        {
            var index = i;
            schema.Numeric("n" + index, r => r.Numbers[index]);
        }

        for (var i = 0; i < 4; i++)
        {
            var index = i;
            schema.Categorical("c" + index, r => r.Categories[index]);
        }

        return schema;
    }

    /// <summary>Deterministic records.</summary>
    /// <param name="count">How many.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The records.</returns>
    public static TwentyFeatures[] Generate(int count, int seed)
    {
        string[] values = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
        var random = new Random(seed);
        var records = new TwentyFeatures[count];
        for (var r = 0; r < count; r++)
        {
            var record = new TwentyFeatures();
            for (var i = 0; i < 16; i++)
            {
                record.Numbers[i] = (random.NextDouble() * (i + 1)) + i;
            }

            for (var i = 0; i < 4; i++)
            {
                record.Categories[i] = values[random.Next(3 + i)];
            }

            records[r] = record;
        }

        return records;
    }
}
