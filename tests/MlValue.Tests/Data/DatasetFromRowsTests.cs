using MlValue.Data;

namespace MlValue.Tests.Data;

/// <summary>A dataset over rows an engine holds (here a columnar store of its own), through the public column model and hasher.</summary>
[TestClass]
public sealed class DatasetFromRowsTests
{
    private static readonly DatasetProvenance Source = new() { Source = "columnar" };

    [TestMethod]
    public void FromRows_EngineHashesItsColumns_SameIdAsTheRecordsAndReadsBackThroughTheEngine()
    {
        var points = Point.Many(40);
        var engine = new ColumnarPoints(points);

        var dataset = Dataset.FromRows(engine, RecordColumns.Of<Point>().Schema, Source, engine.Hash);

        Assert.AreEqual(Dataset.FromRecords(points, Source).Id, dataset.Id);
        Assert.AreEqual(40, dataset.Count);
        Assert.AreSame(engine, dataset.RawRepresentation);
        CollectionAssert.AreEqual(points.Select(p => p.Key).ToArray(), dataset.AsEnumerable().Select(p => p.Key).ToArray());
        Assert.AreEqual(Dataset.FromRecords(points, Source).Split(p => p.Key).Train.Id, dataset.Split(p => p.Key).Train.Id);
    }

    [TestMethod]
    public void FromRows_EngineSkipsAColumn_DifferentIdFromTheRecords()
    {
        var points = Point.Many(10);
        var engine = new ColumnarPoints(points) { SkipFlag = true };

        var dataset = Dataset.FromRows(engine, RecordColumns.Of<Point>().Schema, Source, engine.Hash);

        Assert.AreNotEqual(Dataset.FromRecords(points, Source).Id, dataset.Id);
    }

    [TestMethod]
    public void FromRows_NegativeCountOrEmptySchema_ThrowsNamingTheSource()
    {
        var engine = new ColumnarPoints([]);

        var negative = Assert.ThrowsExactly<DatasetException>(() => Dataset.FromRows(engine, RecordColumns.Of<Point>().Schema, Source, (_, _) => -1));
        var empty = Assert.ThrowsExactly<DatasetException>(() => Dataset.FromRows(engine, new DatasetSchema([]), Source, engine.Hash));

        StringAssert.Contains(negative.Message, "source 'columnar' returned -1 rows");
        StringAssert.Contains(empty.Message, "has no columns");
    }

    [TestMethod]
    public void RecordColumns_FindBySnakeCaseOrDeclaredName_OneMappingForEveryStage()
    {
        var columns = RecordColumns.Of<Point>();

        Assert.AreEqual("Flag", columns.Find("flag")!.Name);
        Assert.AreEqual(ColumnKind.Int64, columns.Find("N")!.Kind);
        Assert.IsNull(columns.Find("missing"));
        CollectionAssert.AreEqual(new[] { "Flag", "Key", "N", "X" }, columns.Columns.Select(c => c.Name).ToArray());
        Assert.AreEqual("Flag: bool, Key: string, N: int64, X: float32", columns.Schema.ToString());
    }

    /// <summary>Points kept as columns, as a columnar engine would: the dataset never holds them as records.</summary>
    private sealed class ColumnarPoints : IDatasetRows<Point>
    {
        private readonly string[] _keys;
        private readonly float[] _x;
        private readonly bool[] _flags;
        private readonly long[] _n;

        public ColumnarPoints(IReadOnlyList<Point> points)
        {
            _keys = [.. points.Select(p => p.Key)];
            _x = [.. points.Select(p => p.X)];
            _flags = [.. points.Select(p => p.Flag)];
            _n = [.. points.Select(p => p.N)];
        }

        public bool SkipFlag { get; init; }

        public object RawRepresentation => this;

        public long Hash(DatasetHasher hasher, CancellationToken cancellationToken)
        {
            for (var i = 0; i < _keys.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();

                // The schema's order: Flag, Key, N, X.
                if (!SkipFlag)
                {
                    hasher.AppendBoolean(_flags[i]);
                }

                hasher.AppendString(_keys[i]);
                hasher.AppendInt64Value(_n[i]);
                hasher.AppendSingle(_x[i]);
            }

            return _keys.Length;
        }

        public IEnumerable<Point> Enumerate()
        {
            for (var i = 0; i < _keys.Length; i++)
            {
                yield return new Point { Key = _keys[i], X = _x[i], Flag = _flags[i], N = _n[i] };
            }
        }

        public Dataset<Point> Where(Func<Point, bool> keep, DatasetProvenance provenance)
            => Dataset.FromRecords(Enumerate().Where(keep), provenance);
    }
}
