using Microsoft.Extensions.Time.Testing;
using MlValue.Annotation;
using MlValue.Tests.Internal;

namespace MlValue.Tests.Annotation;

[TestClass]
public sealed class AnnotationQueueTempFileTests
{
    [TestMethod]
    public async Task Constructor_StaleTempFilesOfKilledSaves_RemovesOldOnesKeepsYoungOnes()
    {
        var root = Directory.CreateTempSubdirectory("mlvalue-queue-").FullName;
        try
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.Zero));
            var stale = StaleTemps.Create(root, AnnotationTaskQueue.StateFileName, clock.GetUtcNow() - TimeSpan.FromDays(1));
            var young = StaleTemps.Create(root, AnnotationTaskQueue.StateFileName, clock.GetUtcNow() - TimeSpan.FromMinutes(5));

            var queue = new AnnotationTaskQueue(root, clock);

            Assert.IsFalse(File.Exists(stale));
            Assert.IsTrue(File.Exists(young));
            Assert.AreEqual(0, (await queue.GetStatusAsync()).Tasks);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
