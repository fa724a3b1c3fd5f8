using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using MlValue.AspNetCore.Internal;

namespace MlValue.Tests.Http;

[TestClass]
public sealed class CorrelationTests
{
    [TestMethod]
    public void New_ManyIdsOnOneThread_AreDistinctVersion7GuidsCarryingTheClocksMilliseconds()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 6, 9, 0, 0, 123, TimeSpan.Zero));

        // More than one batch of random bytes (64 ids), so the refill is crossed several times.
        var ids = Enumerable.Range(0, 1000).Select(_ => Correlation.New(time)).ToList();

        Assert.HasCount(1000, ids.Distinct(StringComparer.Ordinal));
        var milliseconds = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var id in ids)
        {
            Assert.AreEqual(32, id.Length, id);
            var guid = Guid.ParseExact(id, "N");
            Assert.AreEqual(7, guid.Version, id);
            Assert.IsTrue(guid.Variant is >= 0x8 and <= 0xB, $"{id}: RFC 9562 variant (10xx)");
            Assert.AreEqual(milliseconds, Convert.ToInt64(id[..12], 16), id);
        }

        var runtime = Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
        Assert.AreEqual(runtime[..13], ids[0][..13], "the same layout as the runtime's version-7 GUIDs: time, then the version digit");
    }

    [TestMethod]
    public void New_ManyThreads_NeverRepeatAnId()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
        var ids = new ConcurrentBag<string>();

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            for (var i = 0; i < 500; i++)
            {
                ids.Add(Correlation.New(time));
            }
        });

        Assert.HasCount(4000, ids.Distinct(StringComparer.Ordinal));
    }
}
