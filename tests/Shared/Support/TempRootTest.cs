namespace MlValue.Tests.Support;

/// <summary>A fresh, not yet created folder per test at <see cref="Root"/>, deleted after the test if it was made.</summary>
public abstract class TempRootTest
{
    /// <summary>Gets the test's folder (not created).</summary>
    protected string Root { get; private set; } = string.Empty;

    [TestInitialize]
    public void CreateRootPath() => Root = Path.Combine(Path.GetTempPath(), "mlvalue-test-" + Guid.NewGuid().ToString("N"));

    [TestCleanup]
    public void DeleteRoot()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
