using System.Collections.Concurrent;
using MlValue.AspNetCore.Internal;
using MlValue.Tests.Support;
using MlValue.Training;

namespace MlValue.Tests.OpenInference;

/// <summary>The pinned-version cache under concurrent requests, with evictions on most of them (six versions, two kept).</summary>
[TestClass]
public sealed class PinnedVersionsConcurrencyTests
{
    private const int Workers = 4;
    private const int RequestsPerWorker = 2000;
    private const int Versions = 6;
    private const int Capacity = 2;

    [TestMethod]
    public async Task PinnedVersions_FourWorkersOnSixVersionsKeepingTwo_NoModelUsedAfterDisposeAndEachDisposedOnce()
    {
        var format = new LinearFormat();
        var cache = new PinnedVersions<SpamInput, BinaryPrediction>(Capacity, async version =>
        {
            await Task.Yield();
            return format.Load<SpamInput, BinaryPrediction>(new ModelArtifact(LinearFormat.Id, LinearFormat.Artifact(version / 8f)));
        });
        var errors = new ConcurrentQueue<string>();
        var input = new SpamInput { Text = "m", Score = 1, Links = 0 };

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            for (var i = 0; i < RequestsPerWorker; i++)
            {
                var version = random.Next(1, Versions + 1);
                try
                {
                    using var lease = await cache.AcquireAsync(version, CancellationToken.None);
                    var probability = lease.Model.Predict(input).Probability;
                    if (probability != version / 8f)
                    {
                        errors.Enqueue($"version {version} answered {probability}");
                    }
                }
                catch (ObjectDisposedException error)
                {
                    errors.Enqueue($"version {version}: {error.Message}");
                }
            }
        })));

        Assert.IsEmpty(errors, $"{errors.Count} predictions failed, first: {errors.FirstOrDefault()}");
        var kept = format.Loaded.Count - format.Disposed.Count;
        Assert.IsTrue(kept is >= 1 and <= Capacity, $"{kept} models loaded and not disposed once every request ended; the bound is {Capacity}");
        cache.Dispose();
        Assert.HasCount(format.Loaded.Count, format.Disposed, "every model loaded is disposed exactly once");
        CollectionAssert.AreEquivalent(format.Loaded.ToArray(), format.Disposed.ToArray());
    }
}
