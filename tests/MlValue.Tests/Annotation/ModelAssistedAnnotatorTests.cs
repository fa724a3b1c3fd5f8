using MlValue.Annotation;
using MlValue.Tests.Support;
using MlValue.Training;

namespace MlValue.Tests.Annotation;

[TestClass]
public sealed class ModelAssistedAnnotatorTests
{
    private sealed class RuleModel : IPredictionModel<SpamMessage, BinaryPrediction>
    {
        public BinaryPrediction Predict(SpamMessage input)
        {
            var p = (float)SpamRules.SpamProbability(input);
            return new BinaryPrediction { Probability = p, PredictedLabel = p >= 0.5f, Score = p - 0.5f };
        }

        public void Dispose()
        {
        }
    }

    [TestMethod]
    public async Task FromBinaryModel_SpamFixture_LabelsOnlyAboveThreshold()
    {
        using var model = new RuleModel();
        var annotator = ModelAssistedAnnotator.FromBinaryModel("rule-model@1", SpamRules.Key, model, "spam", "ham", 0.7);

        var result = await annotator.AnnotateAsync(SpamFixture.All);

        Assert.AreEqual(SpamFixture.All.Count, result.Count);
        var labelled = result.Where(r => !r.IsAbstain).ToList();
        Assert.IsTrue(labelled.Count > 0 && labelled.Count < result.Count);
        Assert.IsTrue(labelled.All(r => r.Confidence >= 0.7 && r.AnnotatorId == "rule-model@1"));
        var truth = SpamFixture.All.ToDictionary(SpamRules.Key, m => m.Label);
        var accuracy = labelled.Count(r => r.Label == truth[r.ItemId]) / (double)labelled.Count;
        Assert.IsTrue(accuracy > 0.8, $"pre-label accuracy {accuracy}");
    }

    [TestMethod]
    public async Task Delegate_BelowThreshold_Abstains()
    {
        var annotator = new ModelAssistedAnnotator<int, string>("m", i => i.ToString(System.Globalization.CultureInfo.InvariantCulture), i => ("x", i / 10.0), 0.5);

        var result = await annotator.AnnotateAsync([4, 5, 9]);

        CollectionAssert.AreEqual(new[] { true, false, false }, result.Select(r => r.IsAbstain).ToArray());
        Assert.AreEqual(0.9, result[2].Confidence, 1e-12);
    }

    [TestMethod]
    public async Task Delegate_ConfidenceOutOfRange_ThrowsNamingItem()
    {
        var annotator = new ModelAssistedAnnotator<string, string>("m", s => s, s => ("x", s == "bad" ? 1.5 : 0.9), 0.5);

        var error = await Assert.ThrowsExactlyAsync<AnnotationException>(() => annotator.AnnotateAsync(["ok", "bad"]));
        StringAssert.Contains(error.Message, "'bad'");
        StringAssert.Contains(error.Message, "[0, 1]");
    }

    [TestMethod]
    [DataRow(-0.1)]
    [DataRow(1.5)]
    public void Constructor_ThresholdOutOfRange_Throws(double threshold)
        => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ModelAssistedAnnotator<string, string>("m", s => s, s => ("x", 1), threshold));

    [TestMethod]
    public async Task AnnotateAsync_Cancelled_Throws()
    {
        var annotator = new ModelAssistedAnnotator<string, string>("m", s => s, s => ("x", 1), 0.5);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsExactlyAsync<OperationCanceledException>(() => annotator.AnnotateAsync(["a"], cts.Token));
    }
}
