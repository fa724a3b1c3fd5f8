using MlValue.Serving;

namespace MlValue.Tests.Serving;

[TestClass]
public sealed class StripedCounterTests
{
    [TestMethod]
    public void Increment_FromManyThreads_SumsExactly()
    {
        var counter = new StripedCounter();
        var threads = Enumerable.Range(0, 6).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                counter.Increment();
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.AreEqual(60_000, counter.Value);
    }
}
