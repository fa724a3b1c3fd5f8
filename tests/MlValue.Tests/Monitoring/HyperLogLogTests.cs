using System.Globalization;
using MlValue.Monitoring.Sketches;

namespace MlValue.Tests.Monitoring;

[TestClass]
public sealed class HyperLogLogTests
{
    [TestMethod]
    [DataRow(10)]
    [DataRow(1_000)]
    [DataRow(50_000)]
    public void Estimate_OfDistinctValues_WithinThreeStandardErrors(int distinct)
    {
        var sketch = new HyperLogLog();
        for (var repeat = 0; repeat < 2; repeat++)
        {
            for (var i = 0; i < distinct; i++)
            {
                sketch.Add("value-" + i.ToString(CultureInfo.InvariantCulture));
            }
        }

        var error = Math.Abs(sketch.Estimate() - distinct) / distinct;
        Assert.IsTrue(error <= 3 * HyperLogLog.StandardError, $"relative error {error:0.0000}");
    }

    [TestMethod]
    public void Merge_OfTwoHalves_EqualsOneSketchOfAll()
    {
        var all = new HyperLogLog();
        var left = new HyperLogLog();
        var right = new HyperLogLog();
        for (var i = 0; i < 5000; i++)
        {
            var value = "k" + i.ToString(CultureInfo.InvariantCulture);
            all.Add(value);
            (i % 2 == 0 ? left : right).Add(value);
        }

        left.Merge(right);

        Assert.AreEqual(all.Estimate(), left.Estimate());
    }
}
