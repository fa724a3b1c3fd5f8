using MlValue.Samples.CustomStage;

namespace MlValue.Tests.Samples;

[TestClass]
public sealed class CustomStageTests
{
    [TestMethod]
    public async Task RunAsync_AnnotateTrainRegisterServe_CustomModelAnswersThroughThePredictor()
    {
        var root = Path.Combine(Path.GetTempPath(), "mlvalue-custom-" + Guid.NewGuid().ToString("N"));
        try
        {
            var output = new StringWriter();
            var answers = await CustomStageApp.RunAsync(root, output);

            Assert.AreEqual(2, answers.Count);
            Assert.IsTrue(answers[0].IsSpam, output.ToString());
            Assert.IsFalse(answers[1].IsSpam, output.ToString());
            Assert.IsTrue(answers.All(a => a.Version == 1));
            StringAssert.Contains(output.ToString(), "annotated 6 of 7 messages (1 abstained)");
            StringAssert.Contains(output.ToString(), "keyword-weights-json");
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [TestMethod]
    public void Stages_References_OnlyMlValueAbstractionsOfMlValue()
    {
        var references = typeof(KeywordTrainer).Assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("MlValue", StringComparison.Ordinal)).ToList();

        CollectionAssert.AreEquivalent(new[] { "MlValue.Abstractions" }, references, string.Join(", ", references));
    }

    [TestMethod]
    public void Load_GarbageArtifact_ThrowsModelLoadException()
    {
        var format = new KeywordModelFormat();
        var error = Assert.ThrowsExactly<MlValue.Training.ModelLoadException>(() => format.Load<Message, MlValue.Training.BinaryPrediction>(new MlValue.Training.ModelArtifact(KeywordWeights.FormatId, "not json"u8)));
        StringAssert.Contains(error.Message, "is not valid JSON");
    }
}
