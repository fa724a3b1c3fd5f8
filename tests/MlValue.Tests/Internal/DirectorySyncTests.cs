// The test compiles the shared source itself (see the project file); MlValue and MlValue.Sqlite
// each hold an internal copy, so the compiled copy here is the one the test means (CS0436).
#pragma warning disable CS0436
using MlValue.Internal;

namespace MlValue.Tests.Internal;

[TestClass]
public sealed class DirectorySyncTests
{
    [TestMethod]
    public void Flush_ExistingFolder_FlushesOnUnixAndIsANoOpElsewhere()
    {
        var folder = Directory.CreateTempSubdirectory("mlvalue-sync-").FullName;
        try
        {
            Assert.AreEqual(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD(), DirectorySync.Flush(folder));
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [TestMethod]
    public void Flush_MissingFolder_ReturnsFalseWithoutThrowing()
        => Assert.IsFalse(DirectorySync.Flush(Path.Combine(Path.GetTempPath(), "mlvalue-missing-" + Guid.NewGuid().ToString("N"))));
}
