using System.Globalization;
using System.Text;
using MlValue.Data;

namespace MlValue.Tests.Data;

/// <content>The lines the properties mix: good ones (with the sensor they deliver), bad ones of every family, and blank ones.</content>
public sealed partial class FolderDataSourcePropertyTests
{
    private const string CsvHeader = "Sensor,Value,Count,Ok,At,Score";

    /// <summary>Kinds of CSV line; the bound is 16 x MaxFieldLength = 128 bytes.</summary>
    private static readonly Func<string, GeneratedLine>[] CsvKinds =
    [
        i => Good($"g{i},1.5,2,true,2024-01-31,", $"g{i}"),
        i => Good($"g{i},-3,0,false,2024-01-31T12:00:00Z,0.25", $"g{i}"),
        i => Good($"\"g{i},q\",1,1,false,2024-01-31,0.5", $"g{i},q"),
        i => Good($"\"g{i}\"\"q\",1,1,true,2024-01-31,", $"g{i}\"q"),
        i => Bad($"b{i},oops,1,true,2024-01-31,"),
        i => Bad($"b{i},1,1,true,2024-01-31,,extra"),
        i => Bad($"b{i},1,1"),
        i => Bad($"\"b{i},1,1,true,2024-01-31,"),
        i => Bad(Join($"b{i}", [0xC3, 0x28], ",1,1,true,2024-01-31,")),
        i => Bad($"\"b{i}\"x,1,1,true,2024-01-31,"),
        i => Bad($"b{i}x\"y,1,1,true,2024-01-31,"),
        i => Bad($"b{i},{new string('1', 150)},1,true,2024-01-31,"),
        _ => Blank(string.Empty),
    ];

    /// <summary>Kinds of JSONL line.</summary>
    private static readonly Func<string, GeneratedLine>[] JsonlKinds =
    [
        i => Good($$"""{"sensor":"g{{i}}","value":1.5,"count":2,"ok":true,"at":"2024-01-31"}""", $"g{i}"),
        i => Good($$"""{"Sensor":"g{{i}}\"q","count":-1,"score":null}""", $"g{i}\"q"),
        i => Good($$"""  {"sensor":"g{{i}}","value":"NaN"}""", $"g{i}"),
        i => Bad($$"""{"sensor":"b{{i}}","value":"""),
        i => Bad($$"""{"sensor":"b{{i}}","count":"many"}"""),
        i => Bad($$"""{"sensor":"b{{i}}","count":"2"}"""),
        i => Bad(Join($$"""{"sensor":"b{{i}}""", [0xC3, 0x28], "\"}")),
        i => Bad($$"""{"sensor":"b{{i}}","count":1.5}"""),
        i => Bad($$"""{"sensor":"b{{i}}\uDC00"}"""),
        _ => Bad("[1,2]"),
        i => Bad($$"""{"sensor":"b{{i}}","colour":"red"}"""),
        i => Bad($$"""{"sensor":"b{{i}}","count":null}"""),
        i => Bad($$"""{"sensor":"b{{i}}","pad":"{{new string('x', 150)}}"}"""),
        _ => Blank(" \t"),
    ];

    private static DataOptions Options(int maxBatchRecords) => new() { MaxFieldLength = 8, MaxBatchRecords = maxBatchRecords, AllowNonFiniteNumbers = true };

    /// <summary>The file's bytes, the sensors its good lines deliver in order, and the lines of its bad ones.</summary>
    private static (byte[] Content, List<string> Good, List<long> Bad) Build(DataFileFormat format, int[] kinds, bool[] crlf)
    {
        var content = new List<byte>();
        var good = new List<string>();
        var bad = new List<long>();
        long line = 0;
        if (format == DataFileFormat.Csv)
        {
            content.AddRange(Encoding.UTF8.GetBytes(CsvHeader + "\n"));
            line++;
        }

        var catalogue = format == DataFileFormat.Csv ? CsvKinds : JsonlKinds;
        for (var i = 0; i < kinds.Length; i++)
        {
            var generated = catalogue[kinds[i] % catalogue.Length](i.ToString(CultureInfo.InvariantCulture));
            line++;
            content.AddRange(generated.Bytes);
            content.AddRange(crlf[i % crlf.Length] ? "\r\n"u8.ToArray() : "\n"u8.ToArray());
            if (generated.Sensor is not null)
            {
                good.Add(generated.Sensor);
            }
            else if (generated.IsBad)
            {
                bad.Add(line);
            }
        }

        return (content.ToArray(), good, bad);
    }

    private static GeneratedLine Good(string text, string sensor) => new(Encoding.UTF8.GetBytes(text), sensor, false);

    private static GeneratedLine Bad(string text) => Bad(Encoding.UTF8.GetBytes(text));

    private static GeneratedLine Bad(byte[] bytes) => new(bytes, null, true);

    private static GeneratedLine Blank(string text) => new(Encoding.UTF8.GetBytes(text), null, false);

    private static byte[] Join(string before, byte[] raw, string after) => [.. Encoding.UTF8.GetBytes(before), .. raw, .. Encoding.UTF8.GetBytes(after)];

    private sealed record GeneratedLine(byte[] Bytes, string? Sensor, bool IsBad);
}
