using MlValue.Serving;

namespace MlValue.Tests.Serving;

[TestClass]
public sealed class LoadedModelTests
{
    private static LoadedModel<TestInput, TestOutput> Load(ConstantModel model)
        => new("lm", 1, ServingArm.Primary, model, DateTimeOffset.UnixEpoch);

    [TestMethod]
    public void Retire_WhileARequestIsInFlight_DisposesWhenTheRequestEnds()
    {
        var model = new ConstantModel(1);
        var loaded = Load(model);
        Assert.IsTrue(loaded.TryAcquire(out var stripe));

        loaded.Retire();
        Assert.AreEqual(0, model.DisposeCount, "a retired version keeps serving its in-flight request");
        Assert.IsFalse(loaded.TryAcquire(out _), "a retired version takes no new request");
        Assert.AreEqual(0, model.DisposeCount);

        loaded.Release(stripe);
        Assert.AreEqual(1, model.DisposeCount);
        loaded.Retire();
        Assert.AreEqual(1, model.DisposeCount, "disposed exactly once");
    }

    [TestMethod]
    public void Retire_WhenIdle_DisposesAtOnce()
    {
        var model = new ConstantModel(1);
        var loaded = Load(model);
        Assert.IsTrue(loaded.TryAcquire(out var stripe));
        loaded.Release(stripe);

        loaded.Retire();

        Assert.AreEqual(1, model.DisposeCount);
        Assert.IsTrue(loaded.IsDisposed);
    }

    [TestMethod]
    public void Retire_UnderManyThreads_NeverDisposesUnderARequestAndDisposesOnce()
    {
        const int Workers = 8;
        for (var trial = 0; trial < 50; trial++)
        {
            var model = new ConstantModel(7);
            var loaded = Load(model);
            long served = 0, usedAfterDispose = 0;
            var stop = false;
            using var start = new Barrier(Workers + 1);
            var threads = Enumerable.Range(0, Workers).Select(_ => new Thread(() =>
            {
                start.SignalAndWait();
                while (!Volatile.Read(ref stop))
                {
                    if (!loaded.TryAcquire(out var stripe))
                    {
                        continue;
                    }

                    try
                    {
                        if (model.DisposeCount != 0)
                        {
                            Interlocked.Increment(ref usedAfterDispose);
                        }

                        model.Predict(new TestInput());
                        Interlocked.Increment(ref served);
                    }
                    finally
                    {
                        loaded.Release(stripe);
                    }
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            start.SignalAndWait();
            SpinWait.SpinUntil(() => Interlocked.Read(ref served) > Workers * 10);

            loaded.Retire();
            Volatile.Write(ref stop, true);
            threads.ForEach(t => t.Join());

            Assert.AreEqual(0, Interlocked.Read(ref usedAfterDispose), $"trial {trial}");
            Assert.AreEqual(1, model.DisposeCount, $"trial {trial}: disposed exactly once after the last request");
        }
    }
}
