using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MlValue.Data;
using MlValue.Tests.Support;

namespace MlValue.Tests.Data;

[TestClass]
public sealed class FolderDataSourceTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));

    [TestMethod]
    public async Task ReadAsync_SpamJsonlAcrossRestarts_NeitherRereadsNorSkips()
    {
        using var temp = new TempFolder();
        var inbox = Directory.CreateDirectory(Path.Combine(temp.Path, "inbox")).FullName;
        var checkpoints = Path.Combine(temp.Path, "checkpoints");
        var messages = SpamFixture.All;
        WriteJsonl(Path.Combine(inbox, "001.jsonl"), messages.Take(100));
        var seen = new List<string>();

        var first = DataSources.FromFolder<Message>("spam", inbox, DataFileFormat.Jsonl, new FileCheckpointStore(checkpoints), timeProvider: Clock);
        var batch = await first.ReadAsync();
        seen.AddRange(batch.Records.Select(m => m.Group + "/" + m.Id));
        await first.CommitAsync(batch);

        // New file and lines appended to the known file, then a "restarted process" (new instances).
        WriteJsonl(Path.Combine(inbox, "002.jsonl"), messages.Skip(150));
        await File.AppendAllLinesAsync(Path.Combine(inbox, "001.jsonl"), messages.Skip(100).Take(50).Select(Json));
        var restarted = DataSources.FromFolder<Message>("spam", inbox, DataFileFormat.Jsonl, new FileCheckpointStore(checkpoints), timeProvider: Clock);
        var second = await restarted.ReadAsync();
        seen.AddRange(second.Records.Select(m => m.Group + "/" + m.Id));
        await restarted.CommitAsync(second);
        var third = await DataSources.FromFolder<Message>("spam", inbox, DataFileFormat.Jsonl, new FileCheckpointStore(checkpoints)).ReadAsync();

        Assert.AreEqual(100, batch.Records.Count);
        Assert.IsEmpty(second.Errors);
        Assert.IsTrue(third.IsEmpty);
        CollectionAssert.AreEquivalent(messages.Select(m => m.Group + "/" + m.Id).ToArray(), seen.ToArray());
        Assert.AreEqual(seen.Count, seen.Distinct().Count());
    }

    [TestMethod]
    public async Task ReadAsync_CrashBeforeCommit_RedeliversBatch()
    {
        using var temp = new TempFolder();
        WriteJsonl(temp.File("a.jsonl"), SpamFixture.All.Take(5));
        var store = new InMemoryCheckpointStore();

        _ = await DataSources.FromFolder<Message>("spam", temp.Path, DataFileFormat.Jsonl, store).ReadAsync();
        var afterCrash = await DataSources.FromFolder<Message>("spam", temp.Path, DataFileFormat.Jsonl, store).ReadAsync();

        Assert.AreEqual(5, afterCrash.Records.Count);
    }

    [TestMethod]
    public async Task ReadAsync_BadJsonlLines_ReportsEachWithLineAndColumnAndKeepsGoodLines()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("a.jsonl"), string.Join('\n',
            """{"sensor":"s1","value":1.5,"count":2,"ok":true,"at":"2024-01-31T12:00:00Z","score":null}""",
            """{"sensor":"s2","value":"NaN","count":1,"ok":true,"at":"2024-01-31T12:00:00Z"}""",
            """{"sensor":"s3","value":1,"count":"many","ok":true,"at":"2024-01-31T12:00:00Z"}""",
            """{"sensor":"s4","value":1,"count":1,"ok":true,"at":"31/01/2024 noon"}""",
            """{"sensor":"s5","value":1,"count":1,"ok":true,"at":"2024-01-31","colour":"red"}""",
            """{"sensor":"s6", "value": 1,""",
            """[1,2,3]""",
            """{"sensor":7,"value":1,"count":1,"ok":true,"at":"2024-01-31"}""",
            """{"sensor":"s9","value":1,"count":null,"ok":true,"at":"2024-01-31"}""",
            """{"sensor":"s10","value":1e400,"count":1,"ok":true,"at":"2024-01-31"}""",
            """{"sensor":"s11","value":2,"count":1,"ok":false,"at":"2024-01-31","score":0.5}""") + "\n");
        await File.WriteAllTextAsync(temp.File("b.jsonl"), "");
        await File.WriteAllTextAsync(temp.File("c.jsonl"), $$"""{"sensor":"{{new string('x', 50)}}","value":1,"count":1,"ok":true,"at":"2024-01-31"}""" + "\n");
        var source = DataSources.FromFolder<Reading>("readings", temp.Path, DataFileFormat.Jsonl, new InMemoryCheckpointStore(), new DataOptions { MaxFieldLength = 20 }, Clock);

        var batch = await source.ReadAsync();

        CollectionAssert.AreEqual(new[] { "s1", "s11" }, batch.Records.Select(r => r.Sensor).ToArray());
        Assert.AreEqual(0.5f, batch.Records[1].Score);
        Assert.AreEqual(11, batch.Errors.Count);
        Snapshot.Verify(batch.ToMarkdown());
    }

    [TestMethod]
    public async Task ReadAsync_UnknownColumnsIgnored_DeliversRow()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("a.jsonl"), """{"sensor":"s5","value":1,"count":1,"ok":true,"at":"2024-01-31","colour":"red"}""" + "\n");
        var source = DataSources.FromFolder<Reading>("readings", temp.Path, DataFileFormat.Jsonl, new InMemoryCheckpointStore(), new DataOptions { UnknownColumns = UnknownColumnHandling.Ignore });

        var batch = await source.ReadAsync();

        Assert.AreEqual(1, batch.Records.Count);
        Assert.IsEmpty(batch.Errors);
    }

    [TestMethod]
    public async Task ReadAsync_MissingFolder_ThrowsDataSourceExceptionSayingWhatAndHow()
    {
        using var temp = new TempFolder();
        var source = DataSources.FromFolder<Message>("spam", temp.File("nowhere"), DataFileFormat.Jsonl, new InMemoryCheckpointStore());

        var error = await Assert.ThrowsExactlyAsync<DataSourceException>(() => source.ReadAsync());
        StringAssert.Contains(error.Message, "does not exist");
        StringAssert.Contains(error.Message, "nowhere");
        StringAssert.Contains(error.Message, "Create it");
    }

    [TestMethod]
    public async Task ReadAsync_ShrunkFile_ReportsReadError()
    {
        using var temp = new TempFolder();
        WriteJsonl(temp.File("a.jsonl"), SpamFixture.All.Take(3));
        var source = DataSources.FromFolder<Message>("spam", temp.Path, DataFileFormat.Jsonl, new InMemoryCheckpointStore());
        await source.CommitAsync(await source.ReadAsync());
        WriteJsonl(temp.File("a.jsonl"), SpamFixture.All.Take(1));

        var batch = await source.ReadAsync();

        StringAssert.Contains(batch.Errors.Single().Reason, "shrank");
    }

    [TestMethod]
    public async Task ReadAsync_CsvWithAppendsAndBadRows_ReadsIncrementallyWithErrors()
    {
        using var temp = new TempFolder();
        var path = temp.File("readings.csv");
        await File.WriteAllTextAsync(path, "Sensor,Value,Count,Ok,At,Score\ns1,1.5,2,true,2024-01-31T12:00:00Z,\n\"s,2\",2.5,3,false,2024-02-01,0.25\n");
        var store = new InMemoryCheckpointStore();
        var source = DataSources.FromFolder<Reading>("csv", temp.Path, DataFileFormat.Csv, store);
        var first = await source.ReadAsync();
        await source.CommitAsync(first);

        await File.AppendAllTextAsync(path, "s3,Infinity,1,true,2024-02-02,\ns4,1,1,true,yesterday,\ns5,1,1\n\"multi\nline\",4,4,true,2024-02-03,\ns6,oops,1,true,2024-02-04,\n");
        var second = await DataSources.FromFolder<Reading>("csv", temp.Path, DataFileFormat.Csv, store).ReadAsync();
        await source.CommitAsync(second);
        var third = await source.ReadAsync();

        CollectionAssert.AreEqual(new[] { "s1", "s,2" }, first.Records.Select(r => r.Sensor).ToArray());
        Assert.IsNull(first.Records[0].Score);
        CollectionAssert.AreEqual(new[] { "multi\nline" }, second.Records.Select(r => r.Sensor).ToArray());
        Assert.AreEqual(4, second.Errors.Count);
        CollectionAssert.AreEqual(new long?[] { 4, 5, 6, 9 }, second.Errors.Select(e => e.Line).Order().ToArray());
        Assert.IsTrue(third.IsEmpty);
    }

    [TestMethod]
    public async Task ReadAsync_CsvUnknownColumn_LeavesFileUnreadAndReportsOnce()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("a.csv"), "Sensor,Colour\ns1,red\n");
        var source = DataSources.FromFolder<Reading>("csv", temp.Path, DataFileFormat.Csv, new InMemoryCheckpointStore());

        var batch = await source.ReadAsync();
        await source.CommitAsync(batch);
        var again = await source.ReadAsync();

        Assert.AreEqual("Colour", batch.Errors.Single().Column);
        Assert.IsEmpty(again.Errors);
        Assert.IsEmpty(again.Records);
    }

    [TestMethod]
    public void FromFolder_BadOptions_ThrowsNamingSetting()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => DataSources.FromFolder<Reading>("csv", "x", DataFileFormat.Csv, new InMemoryCheckpointStore(), new DataOptions { MaxBatchRecords = 0 }));
        StringAssert.Contains(error.Message, "MlValue:Data:MaxBatchRecords");
    }

    private static void WriteJsonl(string path, IEnumerable<SpamMessage> messages) => File.WriteAllLines(path, messages.Select(Json));

    private static string Json(SpamMessage m) => JsonSerializer.Serialize(new { m.Id, m.Group, m.Label, m.Subject, m.Body });
}
