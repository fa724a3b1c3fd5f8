using System.Text;
using Microsoft.Extensions.Time.Testing;
using MlValue.Training;

namespace MlValue.Tests.Training;

[TestClass]
public sealed class ModelFormatRegistryTests
{
    private static readonly ModelFormatRegistry Registry = new([new MlNetModelFormat(), new BaselineModelFormat([])]);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Resolve_UnknownFormat_NamesItAndTheKnownOnes()
    {
        var error = Assert.ThrowsExactly<UnknownModelFormatException>(() => Registry.Load<SpamRecord, BinaryPrediction>(new ModelArtifact("onnx", [1, 2, 3])));

        StringAssert.Contains(error.Message, "'onnx'");
        StringAssert.Contains(error.Message, "'mlnet-zip', 'mlvalue-baseline-json'");
    }

    [TestMethod]
    [DataRow(MlNetModelFormat.Id, "not a zip at all")]
    [DataRow(MlNetModelFormat.Id, "PK\u0003\u0004 truncated zip")]
    [DataRow(BaselineModelFormat.Id, "{ \"kind\": ")]
    [DataRow(BaselineModelFormat.Id, "{ \"version\": 1, \"kind\": \"majority\", \"task\": \"BinaryClassification\" }")]
    [DataRow(BaselineModelFormat.Id, "null")]
    public void Load_GarbageArtifact_ThrowsModelLoadException(string formatId, string content)
    {
        var artifact = new ModelArtifact(formatId, Encoding.UTF8.GetBytes(content));

        var error = Assert.ThrowsExactly<ModelLoadException>(() => Registry.Load<SpamRecord, BinaryPrediction>(artifact));

        StringAssert.Contains(error.Message, formatId);
        StringAssert.Contains(error.Message, "How to fix");
    }

    [TestMethod]
    public void Constructor_TwoFormatsWithOneId_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new ModelFormatRegistry([new MlNetModelFormat(), new FakeFormat(MlNetModelFormat.Id)]));
    }

    [TestMethod]
    public void Load_ThirdPartyFormatFails_WrapsInModelLoadException()
    {
        var registry = new ModelFormatRegistry([new FakeFormat("rules-v1")]);

        var error = Assert.ThrowsExactly<ModelLoadException>(() => registry.Load<SpamRecord, BinaryPrediction>(new ModelArtifact("rules-v1", [1])));

        Assert.IsInstanceOfType<InvalidOperationException>(error.InnerException);
    }

    [TestMethod]
    public async Task Load_MlNetModel_PredictsFromManyThreadsLikeOneThread()
    {
        var data = TrainingTestData.SmallSpam();
        var trained = await MlNetTrainers.Text<SpamRecord>(PredictionTask.BinaryClassification, TrainingTestData.SpamOptions(), new FakeTimeProvider())
            .TrainAsync(TrainingSet<SpamRecord>.FromRecords(data, TrainingTestData.DatasetIds, 9), cancellationToken: TestContext.CancellationToken);
        using var model = Registry.Load<SpamRecord, BinaryPrediction>(trained.Artifact);
        var holdout = TrainingTestData.Spam(holdout: true);
        var expected = holdout.Select(m => model.Predict(m).Probability).ToArray();

        var actual = new float[holdout.Count * 8];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = model.Predict(holdout[i % holdout.Count]).Probability);

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.AreEqual(expected[i % holdout.Count], actual[i]);
        }

        Assert.ThrowsExactly<ModelLoadException>(() => Registry.Load<SpamRecord, MulticlassPrediction>(trained.Artifact));
    }

    private sealed class FakeFormat(string id) : IModelFormat
    {
        public string FormatId => id;

        public IPredictionModel<TInput, TOutput> Load<TInput, TOutput>(ModelArtifact artifact)
            where TInput : class
            where TOutput : class, new()
            => throw new InvalidOperationException("this loader always fails");
    }
}
