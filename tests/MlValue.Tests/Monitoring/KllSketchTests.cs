using MlValue.Monitoring.Sketches;

namespace MlValue.Tests.Monitoring;

[TestClass]
public sealed class KllSketchTests
{
    [TestMethod]
    [DataRow(1, 100_000)]
    [DataRow(2, 30_000)]
    [DataRow(3, 5_000)]
    public void Rank_OfSeededStream_WithinDocumentedRankError(int seed, int count)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, count).Select(_ => random.NextDouble() * 1000).ToArray();
        var sketch = new KllSketch();
        foreach (var v in values)
        {
            sketch.Add(v);
        }

        Array.Sort(values);
        var worst = 0.0;
        for (var q = 0.01; q < 1; q += 0.01)
        {
            var x = values[(int)(q * count)];
            var exact = (double)(Array.BinarySearch(values, x) + 1) / count;
            worst = Math.Max(worst, Math.Abs(sketch.Rank(x) - exact));
        }

        Assert.IsTrue(worst <= KllSketch.RankError, $"worst rank error {worst:0.0000} > {KllSketch.RankError}");
        Assert.AreEqual(count, sketch.Count);
    }

    [TestMethod]
    public void Add_MillionValues_KeepsBoundedSize()
    {
        var sketch = new KllSketch();
        for (var i = 0; i < 1_000_000; i++)
        {
            sketch.Add(i);
        }

        Assert.IsTrue(sketch.Retained <= (3 * KllSketch.K) + sketch.Height, $"retained {sketch.Retained}");
        Assert.IsFalse(sketch.IsExact);
    }

    [TestMethod]
    public void Add_FewValues_IsExact()
    {
        var sketch = new KllSketch();
        foreach (var v in new[] { 5.0, 1, 3, 2, 4 })
        {
            sketch.Add(v);
        }

        Assert.IsTrue(sketch.IsExact);
        Assert.AreEqual(0.6, sketch.Rank(3), 1e-12);
        Assert.AreEqual(3, sketch.Quantile(0.5));
    }
}
