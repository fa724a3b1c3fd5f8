using Microsoft.ML.Data;

namespace MlValue.Tests.Data;

public sealed class Message
{
    public string Id { get; set; } = "";

    public string Group { get; set; } = "";

    public string Label { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";
}

public sealed class Reading
{
    public string Sensor { get; set; } = "";

    public double Value { get; set; }

    public int Count { get; set; }

    public bool Ok { get; set; }

    public DateTime At { get; set; }

    public float? Score { get; set; }
}

public sealed class Point
{
    [LoadColumn(0)]
    public string Key { get; set; } = "";

    [LoadColumn(1)]
    public float X { get; set; }

    [LoadColumn(2)]
    public bool Flag { get; set; }

    [LoadColumn(3)]
    public long N { get; set; }

    public static List<Point> Many(int count) => Enumerable.Range(0, count)
        .Select(i => new Point { Key = "k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), X = i * 0.1f, Flag = i % 3 == 0, N = i * 1_000_000_007L })
        .ToList();
}

public sealed class Unsupported
{
    public string Key { get; set; } = "";

    public Guid Token { get; set; }
}

internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mlvalue-data-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
