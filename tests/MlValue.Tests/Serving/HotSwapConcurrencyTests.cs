using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using MlValue.Serving;

namespace MlValue.Tests.Serving;

[TestClass]
public sealed class HotSwapConcurrencyTests
{
    private const int Workers = 4;
    private const int Moves = 200;

    [TestMethod]
    public async Task HotSwap_AliasMovesBackAndForthUnderLoad_NoFailedRequestAndEveryAnswerMatchesItsVersion()
    {
        using var harness = new ServingHarness();
        var v1 = harness.PublishConstant("hs-load", 100);
        var v2 = harness.PublishConstant("hs-load", 200);
        harness.Registry.Point("hs-load", "champion", v1);
        harness.Builder.AddPredictor<TestInput, TestOutput>("hs-load", configure: o => o.PollInterval = TimeSpan.Zero);
        var predictor = harness.Constant("hs-load");
        var input = new TestInput { X = 1 };
        var errors = new ConcurrentQueue<Exception>();
        var answersByVersion = new long[3];
        long mismatches = 0, completed = 0;
        var stop = false;
        var threads = Enumerable.Range(0, Workers).Select(_ => new Thread(() =>
        {
            while (!Volatile.Read(ref stop))
            {
                try
                {
                    var prediction = predictor.Predict(input);
                    if (prediction.Value.Value != prediction.Version * 100)
                    {
                        Interlocked.Increment(ref mismatches);
                    }

                    Interlocked.Increment(ref answersByVersion[prediction.Version]);
                }
                catch (Exception error)
                {
                    errors.Enqueue(error);
                }

                Interlocked.Increment(ref completed);
            }
        })).ToList();
        threads.ForEach(t => t.Start());

        for (var move = 0; move < Moves; move++)
        {
            harness.Registry.Point("hs-load", "champion", move % 2 == 0 ? v2 : v1);
            await predictor.RefreshAsync();
            var mark = Interlocked.Read(ref completed);
            SpinWait.SpinUntil(() => Interlocked.Read(ref completed) > mark + Workers);
        }

        Volatile.Write(ref stop, true);
        threads.ForEach(t => t.Join());

        Assert.IsTrue(errors.IsEmpty, errors.FirstOrDefault()?.ToString());
        Assert.AreEqual(0, mismatches);
        Assert.IsTrue(answersByVersion[1] > 0 && answersByVersion[2] > 0);
        Assert.AreEqual(Interlocked.Read(ref completed), answersByVersion[1] + answersByVersion[2]);
        Assert.AreEqual(Moves + 1, predictor.GetStatus().Swaps);
        var loaded = harness.Constants.Loaded;
        Assert.AreEqual(Moves + 1, loaded.Count);
        Assert.IsTrue(loaded.Take(Moves).All(m => m.DisposeCount == 1), "every swapped-out version is disposed exactly once");
        Assert.AreEqual(0, loaded[^1].DisposeCount);
    }
}
