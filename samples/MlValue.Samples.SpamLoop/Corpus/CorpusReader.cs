using System.IO.Compression;
using System.Text.Json;

namespace MlValue.Samples.SpamLoop.Corpus;

/// <summary>Reads raw messages from the unpacked corpus folder or from the committed JSONL fixture.</summary>
public static class CorpusReader
{
    /// <summary>Reads every <c>&lt;group&gt;/*.json</c> file (<c>{"id","group","text"}</c>), in ordinal order of path.</summary>
    /// <param name="folder">The unpacked corpus folder.</param>
    /// <returns>The messages.</returns>
    public static IReadOnlyList<RawMail> ReadFolder(string folder)
    {
        var files = Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        var mails = new List<RawMail>(files.Length);
        foreach (var file in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            mails.Add(new RawMail(root.GetProperty("id").GetString() ?? string.Empty, root.GetProperty("group").GetString() ?? string.Empty, root.GetProperty("text").GetString() ?? string.Empty));
        }

        return mails;
    }

    /// <summary>Reads the gzip JSONL fixture (fields <c>id</c>, <c>group</c>, <c>raw</c>).</summary>
    /// <param name="path">The <c>.jsonl.gz</c> file.</param>
    /// <returns>The messages, in file order.</returns>
    public static IReadOnlyList<RawMail> ReadFixture(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var mails = new List<RawMail>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            mails.Add(new RawMail(root.GetProperty("id").GetString() ?? string.Empty, root.GetProperty("group").GetString() ?? string.Empty, root.GetProperty("raw").GetString() ?? string.Empty));
        }

        return mails;
    }
}
