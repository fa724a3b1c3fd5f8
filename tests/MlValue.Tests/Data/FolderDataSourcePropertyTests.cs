using FsCheck;
using FsCheck.Fluent;
using MlValue.Data;

namespace MlValue.Tests.Data;

/// <summary>
/// Random mixes of good, bad and blank lines, appended in random chunks (cutting lines anywhere),
/// with reads interleaved: some committed, some dropped as if the process had crashed, some by a
/// new source instance. Over the committed batches every good record comes out exactly once and in
/// order, and every bad line is reported exactly once with its file and line.
/// </summary>
[TestClass]
public sealed partial class FolderDataSourcePropertyTests
{
    private static readonly Config Seeded = Config.QuickThrowOnFailure.WithMaxTest(120).WithReplay(20_250_611UL, 1_234_567_891UL);

    private static Arbitrary<Scenario> Scenarios(int kinds) =>
        (from lines in Gen.Choose(0, kinds - 1).ArrayOf()
         from crlf in Gen.Elements(false, false, true).ArrayOf()
         from seed in Gen.Choose(0, int.MaxValue)
         from maxBatch in Gen.Choose(1, 5)
         select new Scenario(lines, crlf.Length == 0 ? [false] : crlf, seed, maxBatch)).ToArbitrary();

    [TestMethod]
    public void ReadAsync_CsvMixAppendedInRandomChunks_EveryGoodRecordOnceInOrderAndEveryBadLineReportedOnce()
        => Prop.ForAll(Scenarios(CsvKinds.Length), s => Holds(DataFileFormat.Csv, s)).Check(Seeded);

    [TestMethod]
    public void ReadAsync_JsonlMixAppendedInRandomChunks_EveryGoodRecordOnceInOrderAndEveryBadLineReportedOnce()
        => Prop.ForAll(Scenarios(JsonlKinds.Length), s => Holds(DataFileFormat.Jsonl, s)).Check(Seeded);

    private static bool Holds(DataFileFormat format, Scenario scenario)
    {
        var (content, good, bad) = Build(format, scenario.Lines, scenario.CrLf);
        var name = format == DataFileFormat.Csv ? "a.csv" : "a.jsonl";
        using var temp = new TempFolder();
        var store = new InMemoryCheckpointStore();
        var random = new Random(scenario.Seed);
        var source = New();
        var delivered = new List<string>();
        var reported = new List<DataReadError>();
        for (var at = 0; at < content.Length;)
        {
            var chunk = Math.Min(random.Next(1, 48), content.Length - at);
            using (var file = new FileStream(temp.File(name), FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
            {
                file.Write(content, at, chunk);
            }

            at += chunk;
            for (var reads = random.Next(0, 3); reads > 0; reads--)
            {
                source = random.Next(6) == 0 ? New() : source;
                Read(commit: random.Next(4) > 0);
            }
        }

        for (var i = 0; i <= scenario.Lines.Length + 2 && Read(commit: true); i++)
        {
        }

        CollectionAssert.AreEqual(good, delivered, $"records of {Describe(content)}");
        CollectionAssert.AreEqual(bad, reported.Select(e => e.Line!.Value).ToList(), $"error lines of {Describe(content)}: {string.Join(" / ", reported)}");
        Assert.IsTrue(reported.All(e => e.File == name && e.Reason.Length > 0));
        return true;

        IDataSource<Reading> New() => DataSources.FromFolder<Reading>("p", temp.Path, format, store, Options(scenario.MaxBatch));

        bool Read(bool commit)
        {
            var batch = source.ReadAsync().GetAwaiter().GetResult();
            if (commit)
            {
                source.CommitAsync(batch).GetAwaiter().GetResult();
                delivered.AddRange(batch.Records.Select(r => r.Sensor));
                reported.AddRange(batch.Errors);
            }

            return batch.Records.Count + batch.Errors.Count > 0;
        }
    }

    private static string Describe(byte[] content) => System.Text.Encoding.UTF8.GetString(content).Replace("\n", "\\n", StringComparison.Ordinal);

    public sealed record Scenario(int[] Lines, bool[] CrLf, int Seed, int MaxBatch);
}
