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
        await File.WriteAllTextAsync(temp.File("a.csv"), "Sensor,Colour\ns1,red\n");
        var store = new InMemoryCheckpointStore();

        var reported = await ErrorsOverReads(Csv(temp, store: store), 30);
        var ignoring = await Csv(temp, new DataOptions { UnknownColumns = UnknownColumnHandling.Ignore }, store).ReadAsync();

        Assert.AreEqual("Colour", reported.Single().Column);
        Assert.AreEqual("s1", ignoring.Records.Single().Sensor);
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
