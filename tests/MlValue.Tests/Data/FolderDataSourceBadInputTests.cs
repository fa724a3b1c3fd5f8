using System.Text;
using MlValue.Data;

namespace MlValue.Tests.Data;

/// <summary>One test per family of bad input that once lost good records or reported a problem more than once.</summary>
[TestClass]
public sealed partial class FolderDataSourceBadInputTests
{
    private const string Header = "Sensor,Value,Count,Ok,At,Score\n";

    [TestMethod]
    public async Task ReadAsync_JsonlInvalidUtf8InString_ReportsThatLineAndDeliversTheRest()
    {
        using var temp = new TempFolder();
        await File.WriteAllBytesAsync(temp.File("a.jsonl"), Bytes("{\"Id\":\"1\"}\n{\"Id\":\"2\",\"Body\":\"caf", [0xC3, 0x28], "\"}\n{\"Id\":\"3\"}\n"));
        await File.WriteAllTextAsync(temp.File("b.jsonl"), "{\"Id\":\"4\"}\n");
        var source = DataSources.FromFolder<Message>("m", temp.Path, DataFileFormat.Jsonl, new InMemoryCheckpointStore());

        var batch = await source.ReadAsync();

        CollectionAssert.AreEqual(new[] { "1", "3", "4" }, batch.Records.Select(m => m.Id).ToArray());
        var error = batch.Errors.Single();
        Assert.AreEqual(("a.jsonl", 2L, "Body"), (error.File, error.Line!.Value, error.Column));
        StringAssert.Contains(error.Reason, "UTF-8");
    }

    [TestMethod]
    public async Task ReadAsync_JsonlLoneSurrogateEscape_ReportsThatLineAndDeliversTheRest()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("a.jsonl"), "{\"Id\":\"1\"}\n{\"Id\":\"2\",\"Body\":\"\\uD800\"}\n{\"Id\":\"3\"}\n");
        var source = DataSources.FromFolder<Message>("m", temp.Path, DataFileFormat.Jsonl, new InMemoryCheckpointStore());

        var batch = await source.ReadAsync();

        CollectionAssert.AreEqual(new[] { "1", "3" }, batch.Records.Select(m => m.Id).ToArray());
        Assert.AreEqual((2L, "Body"), (batch.Errors.Single().Line!.Value, batch.Errors.Single().Column));
    }

    [TestMethod]
    public async Task ReadAsync_ResumedCsvWhoseFirstNewRowIsTooWide_KeepsTheHeaderFieldCount()
    {
        using var temp = new TempFolder();
        var path = temp.File("a.csv");
        await File.WriteAllTextAsync(path, Header + "s1,1,1,true,2024-01-31,\n");
        var source = Csv(temp);
        await source.CommitAsync(await source.ReadAsync());
        await File.AppendAllTextAsync(path, "s2,1,1,true,2024-01-31,,extra\ns3,1,1,true,2024-01-31,\ns4,1,1,true,2024-01-31,\n");

        var batch = await source.ReadAsync();

        CollectionAssert.AreEqual(new[] { "s3", "s4" }, batch.Records.Select(r => r.Sensor).ToArray());
        Assert.AreEqual(3L, batch.Errors.Single().Line);
    }

    [TestMethod]
    public async Task ReadAsync_CsvUnterminatedQuote_ReportsThatLineAndDeliversTheRowsAfterIt()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("a.csv"), Header + "s1,1,1,true,2024-01-31,\n\"s2,1,1,true,2024-01-31,\ns3,1,1,true,2024-01-31,\ns4,1,1,true,2024-01-31,\n");

        var batch = await Csv(temp).ReadAsync();

        CollectionAssert.AreEqual(new[] { "s1", "s3", "s4" }, batch.Records.Select(r => r.Sensor).ToArray());
        Assert.AreEqual(3L, batch.Errors.Single().Line);
    }

    [TestMethod]
    [DataRow(DataFileFormat.Csv, Header + "s1,1,1,true,2024-01-31,\ns2,1,", "1,true,2024-01-31,\n")]
    [DataRow(DataFileFormat.Jsonl, "{\"sensor\":\"s1\",\"at\":\"2024-01-31\"}\n{\"sensor\":\"s2\",", "\"at\":\"2024-01-31\"}\n")]
    public async Task ReadAsync_LastLineWithoutLineBreak_WaitsUntilTheWriterEndsIt(DataFileFormat format, string start, string rest)
    {
        using var temp = new TempFolder();
        var path = temp.File(format == DataFileFormat.Csv ? "a.csv" : "a.jsonl");
        await File.WriteAllTextAsync(path, start);
        var source = DataSources.FromFolder<Reading>("r", temp.Path, format, new InMemoryCheckpointStore());
        var first = await source.ReadAsync();
        await source.CommitAsync(first);
        await File.AppendAllTextAsync(path, rest);

        var second = await source.ReadAsync();

        Assert.AreEqual("s1", first.Records.Single().Sensor);
        Assert.AreEqual("s2", second.Records.Single().Sensor);
        Assert.IsEmpty(first.Errors);
        Assert.IsEmpty(second.Errors);
    }

    [TestMethod]
    public async Task ReadAsync_CsvInvalidUtf8InField_ReportsTheColumnInsteadOfReplacingIt()
    {
        using var temp = new TempFolder();
        await File.WriteAllBytesAsync(temp.File("a.csv"), Bytes(Header + "s1,1,1,true,2024-01-31,\ns", [0xFF], "2,1,1,true,2024-01-31,\ns3,1,1,true,2024-01-31,\n"));

        var batch = await Csv(temp).ReadAsync();

        CollectionAssert.AreEqual(new[] { "s1", "s3" }, batch.Records.Select(r => r.Sensor).ToArray());
        var error = batch.Errors.Single();
        Assert.AreEqual((3L, "Sensor"), (error.Line!.Value, error.Column));
        StringAssert.Contains(error.Reason, "UTF-8");
    }

    [TestMethod]
    public async Task ReadAsync_CsvRecordOverTheBound_SkipsOnlyThatRecord()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("a.csv"), Header + "s1,1,1,true,2024-01-31,\ns2," + new string('9', 200) + ",1,true,2024-01-31,\ns3,1,1,true,2024-01-31,\n");
        var options = new DataOptions { MaxFieldLength = 4 };

        var batch = await Csv(temp, options).ReadAsync();

        CollectionAssert.AreEqual(new[] { "s1", "s3" }, batch.Records.Select(r => r.Sensor).ToArray());
        Assert.AreEqual(3L, batch.Errors.Single().Line);
    }

    [TestMethod]
    public async Task ReadAsync_JsonlNumberWrittenAsString_IsAWrongTypeUnlessAllowed()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("a.jsonl"), "{\"sensor\":\"s1\",\"count\":\"2\",\"value\":\"NaN\",\"at\":\"2024-01-31\"}\n");

        var strict = await DataSources.FromFolder<Reading>("r", temp.Path, DataFileFormat.Jsonl, new InMemoryCheckpointStore(), new DataOptions { AllowNonFiniteNumbers = true }).ReadAsync();
        var lenient = await DataSources.FromFolder<Reading>("r", temp.Path, DataFileFormat.Jsonl, new InMemoryCheckpointStore(), new DataOptions { AllowNonFiniteNumbers = true, AllowNumbersAsStrings = true }).ReadAsync();

        Assert.AreEqual("Count", strict.Errors.Single().Column);
        StringAssert.Contains(strict.Errors.Single().Reason, "AllowNumbersAsStrings");
        Assert.AreEqual(2, lenient.Records.Single().Count);
        Assert.IsTrue(double.IsNaN(lenient.Records.Single().Value));
    }

    private static IDataSource<Reading> Csv(TempFolder temp, DataOptions? options = null, ICheckpointStore? store = null)
        => DataSources.FromFolder<Reading>("r", temp.Path, DataFileFormat.Csv, store ?? new InMemoryCheckpointStore(), options);

    private static byte[] Bytes(string before, byte[] raw, string after) => [.. Encoding.UTF8.GetBytes(before), .. raw, .. Encoding.UTF8.GetBytes(after)];
}
