using Microsoft.ML;
using MlValue.Training;

namespace MlValue.Tests.Training;

[TestClass]
public sealed class PooledPredictionModelTests
{
    private static MLContext s_ml = null!;
    private static ITransformer s_transformer = null!;

    [ClassInitialize]
    public static void TrainOnce(TestContext context)
    {
        s_ml = new MLContext(seed: 0);
        var data = s_ml.Data.LoadFromEnumerable(TrainingTestData.Tabular(200, 1));
        var pipeline = s_ml.Transforms.Concatenate("Features", nameof(TabularRecord.X), nameof(TabularRecord.Y))
            .Append(s_ml.Regression.Trainers.Sdca(labelColumnName: nameof(TabularRecord.Target), maximumNumberOfIterations: 20));
        s_transformer = pipeline.Fit(data);
    }

    [TestMethod]
    public void Predict_MoreThreadsThanPinnedEngines_EveryThreadGetsTheSingleThreadedAnswer()
    {
        var rows = TrainingTestData.Tabular(64, 7);
        using var model = new PooledPredictionModel<TabularRecord, RegressionPrediction>(s_ml, s_transformer, maximumPinned: 2);
        var expected = rows.Select(r => model.Predict(r).Score).ToArray();
        var mismatches = 0;
        using var start = new Barrier(6);
        var threads = Enumerable.Range(0, 6).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (var round = 0; round < 20; round++)
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    if (model.Predict(rows[i]).Score != expected[i])
                    {
                        Interlocked.Increment(ref mismatches);
                    }
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.AreEqual(0, mismatches);
        Assert.AreEqual(2, model.PinnedCount, "the test thread and one worker pin engines; the other workers use the pool");
    }

    [TestMethod]
    public void Dispose_AfterThreadsPinnedEngines_DisposesThemAndRefusesFurtherPredictions()
    {
        var row = TrainingTestData.Tabular(1, 3)[0];
        var model = new PooledPredictionModel<TabularRecord, RegressionPrediction>(s_ml, s_transformer, maximumPinned: 3);
        var threads = Enumerable.Range(0, 3).Select(_ => new Thread(() => model.Predict(row))).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.AreEqual(3, model.PinnedCount);

        model.Dispose();
        model.Dispose();

        Assert.AreEqual(3, model.PinnedDisposed, "engines pinned to threads that have ended are disposed with the model, once");
        Assert.ThrowsExactly<ObjectDisposedException>(() => model.Predict(row));
    }

    [TestMethod]
    public void Predict_NullInput_ThrowsArgumentNull()
    {
        using var model = new PooledPredictionModel<TabularRecord, RegressionPrediction>(s_ml, s_transformer, maximumPinned: 1);

        Assert.ThrowsExactly<ArgumentNullException>(() => model.Predict(null!));
    }
}
