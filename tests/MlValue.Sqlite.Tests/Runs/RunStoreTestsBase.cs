using MlValue.Runs;

namespace MlValue.Tests.Runs;

/// <summary>A fresh folder per test for a <see cref="SqliteRunStore"/> at <see cref="DbPath"/>.</summary>
public abstract class RunStoreTestsBase
{
    /// <summary>The time the tests' runs start at.</summary>
    protected static readonly DateTimeOffset Now = new(2002, 8, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Gets the test's folder.</summary>
    protected string Folder { get; private set; } = null!;

    /// <summary>Gets the path of the run store's database inside <see cref="Folder"/>.</summary>
    protected string DbPath => Path.Combine(Folder, "runs", "runs.db");

    [TestInitialize]
    public void CreateFolder() => Folder = Directory.CreateTempSubdirectory("mlvalue-runs-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(Folder, recursive: true);
}
