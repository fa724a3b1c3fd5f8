using MlValue.Evaluation;
using MlValue.Tests.Support;
using static MlValue.Tests.Evaluation.EvaluationFixture;

namespace MlValue.Tests.Evaluation;

[TestClass]
public sealed class ModelEvaluatorSliceTests
{
    [TestMethod]
    public async Task EvaluateBinary_SlicesUnderMinimum_FlaggedTooSmall()
    {
        var result = await Evaluator().EvaluateBinaryAsync("v1", KeywordSpamModel.V1, SpamHoldout());

        var years = result.Slices.Where(s => s.Segment == "year").ToDictionary(s => s.Key);
        Assert.AreEqual(261, years["2002"].Count);
        Assert.IsFalse(years["2002"].TooSmall);
        Assert.IsTrue(years["2001"].TooSmall);
        Assert.AreEqual(11, years["(none)"].Count);
        Assert.AreEqual(SpamFixture.All.Count, years.Values.Sum(s => s.Count));
    }

    [TestMethod]
    public async Task EvaluateBinary_SingleClassSlice_AucUndefinedAccuracyDefined()
    {
        var result = await Evaluator().EvaluateBinaryAsync("v1", KeywordSpamModel.V1, SpamHoldout());

        var hardHam = result.Slices.Single(s => s.Segment == "group" && s.Key == "hard-ham-1");
        Assert.AreEqual(40, hardHam.Count);
        Assert.IsNull(hardHam.Metrics.Single(m => m.Name == MetricNames.Auc).Value);
        Assert.AreEqual(0.375, hardHam.Metrics.Single(m => m.Name == MetricNames.Accuracy).Value!.Value, 1e-9);
    }

    [TestMethod]
    public async Task EvaluateBinary_MinSliceSizeOption_Applied()
    {
        var result = await Evaluator(o => o.MinSliceSize = 50).EvaluateBinaryAsync("v1", KeywordSpamModel.V1, SpamHoldout());

        Assert.IsTrue(result.Slices.Single(s => s.Key == "hard-ham-1").TooSmall);
        Assert.IsFalse(result.Slices.Single(s => s.Key == "spam-2").TooSmall);
        Assert.AreEqual(50, result.MinSliceSize);
    }

    [TestMethod]
    public async Task EvaluateBinary_SegmentKeyThrows_WrapsWithSegmentAndRow()
    {
        var holdout = new Holdout<Row<bool>, bool>([new(true, 1, 1, true)], r => r.Label)
        {
            Segments = [new Segment<Row<bool>>("month", _ => throw new FormatException("bad date"))],
        };

        var error = await Assert.ThrowsExactlyAsync<EvaluationException>(() => Evaluator().EvaluateBinaryAsync("m", Echo(), holdout));

        StringAssert.Contains(error.Message, "The key of segment 'month' failed on holdout row 0");
    }

    [TestMethod]
    public async Task EvaluateBinary_WorstErrors_HighestLossFirstWithTruncatedInputs()
    {
        var result = await Evaluator(o => (o.WorstErrorCount, o.MaxInputLength) = (5, 40)).EvaluateBinaryAsync("v1", KeywordSpamModel.V1, SpamHoldout());

        Assert.AreEqual(5, result.WorstErrors.Count);
        CollectionAssert.AreEqual(new[] { 1, 2, 3, 4, 5 }, result.WorstErrors.Select(w => w.Rank).ToArray());
        for (var i = 1; i < result.WorstErrors.Count; i++)
        {
            Assert.IsTrue(result.WorstErrors[i - 1].Loss >= result.WorstErrors[i].Loss);
        }

        Assert.IsTrue(result.WorstErrors.All(w => w.Input.Length <= 40 && !w.Input.Contains('\n', StringComparison.Ordinal)));
        Assert.IsTrue(result.WorstErrors.Any(w => w.Input.EndsWith('…')));
    }
}
