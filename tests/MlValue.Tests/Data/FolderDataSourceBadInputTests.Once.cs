using MlValue.Data;

namespace MlValue.Tests.Data;

/// <content>Problems that leave a file unread are reported once per file state, so a read-and-commit loop ends.</content>
public sealed partial class FolderDataSourceBadInputTests
{
    [TestMethod]
    public async Task ReadAsync_ShrunkFileReadAndCommittedRepeatedly_ReportsOncePerFileState()
    {
        using var temp = new TempFolder();
        var path = temp.File("a.jsonl");
        await File.WriteAllTextAsync(path, "{\"Id\":\"1\"}\n{\"Id\":\"2\"}\n{\"Id\":\"3\"}\n");
        var source = DataSources.FromFolder<Message>("m", temp.Path, DataFileFormat.Jsonl, new InMemoryCheckpointStore());
        await source.CommitAsync(await source.ReadAsync());
        await File.WriteAllTextAsync(path, "{\"Id\":\"1\"}\n{\"Id\":\"2\"}\n");

        var reported = await ErrorsOverReads(source, 30);
        await File.WriteAllTextAsync(path, "{\"Id\":\"1\"}\n");
        var afterSecondShrink = await ErrorsOverReads(source, 30);

        StringAssert.Contains(reported.Single().Reason, "shrank");
        StringAssert.Contains(afterSecondShrink.Single().Reason, "shrank");
    }

    [TestMethod]
    public async Task ReadAsync_CsvUnknownColumnReadAndCommittedRepeatedly_ReportsOnceAndLeavesFileUnread()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("a.csv"), "Sensor,Value,Count,Ok,At,Score,Colour\ns1,1.5,2,true,2002-08-01T00:00:00Z,0.5,red\n");
        var store = new InMemoryCheckpointStore();

        var reported = await ErrorsOverReads(Csv(temp, store: store), 30);
        var ignoring = await Csv(temp, new DataOptions { UnknownColumns = UnknownColumnHandling.Ignore }, store).ReadAsync();

        Assert.AreEqual("Colour", reported.Single().Column);
        Assert.AreEqual("s1", ignoring.Records.Single().Sensor);
    }

    [TestMethod]
    public async Task ReadAsync_CsvLacksAColumnOfTheRecordType_ReportsOnceAndLeavesFileUnread()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("a.csv"), "Sensor,Value,Ok,At,Score\ns1,1.5,true,2002-08-01T00:00:00Z,0.5\n");
        var store = new InMemoryCheckpointStore();

        var reported = await ErrorsOverReads(Csv(temp, store: store), 30);

        var error = reported.Single();
        Assert.AreEqual(1, error.Line);
        Assert.AreEqual("Count", error.Column);
        StringAssert.Contains(error.Reason, "missing column: the header has no column for the property 'Reading.Count'");
        StringAssert.Contains(error.Reason, "MlValue:Data:ColumnsWithDefaults");
    }

    [TestMethod]
    public async Task ReadAsync_CsvLacksAColumnListedWithDefaults_ReadsTheDefault()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("a.csv"), "Sensor,Value,Ok,At,Score\ns1,1.5,true,2002-08-01T00:00:00Z,0.5\n");
        var options = new DataOptions();
        options.ColumnsWithDefaults.Add("count");

        var batch = await Csv(temp, options).ReadAsync();

        Assert.IsEmpty(batch.Errors);
        Assert.AreEqual(0, batch.Records.Single().Count);
        Assert.AreEqual(1.5, batch.Records.Single().Value);
    }

    private static async Task<List<DataReadError>> ErrorsOverReads<T>(IDataSource<T> source, int reads)
        where T : class, new()
    {
        var errors = new List<DataReadError>();
        for (var i = 0; i < reads; i++)
        {
            var batch = await source.ReadAsync();
            errors.AddRange(batch.Errors);
            await source.CommitAsync(batch);
        }

        return errors;
    }
}
