using System.IO.Compression;
using System.Text.Json;

namespace MlValue.Tests.Support;

/// <summary>One message of the committed SpamAssassin fixture (see Fixtures/README.md).</summary>
public sealed class SpamMessage
{
    public string Id { get; set; } = "";

    public string Group { get; set; } = "";

    public string Label { get; set; } = "";

    public string Date { get; set; } = "";

    public string From { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public string Raw { get; set; } = "";

    public bool IsSpam => Label == "spam";
}

/// <summary>Loads the committed SpamAssassin fixture, in its file order (by group, then id).</summary>
public static class SpamFixture
{
    private static readonly Lazy<IReadOnlyList<SpamMessage>> Messages = new(Load);

    /// <summary>The full path of the fixture file.</summary>
    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "spamassassin-sample.jsonl.gz");

    /// <summary>All 279 messages.</summary>
    public static IReadOnlyList<SpamMessage> All => Messages.Value;

    private static IReadOnlyList<SpamMessage> Load()
    {
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        using var file = File.OpenRead(FilePath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var list = new List<SpamMessage>();
        while (reader.ReadLine() is { } line)
        {
            list.Add(JsonSerializer.Deserialize<SpamMessage>(line, options)!);
        }

        return list;
    }
}
