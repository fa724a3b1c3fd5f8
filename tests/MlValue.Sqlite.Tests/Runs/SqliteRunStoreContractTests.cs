using MlValue.Runs;
using MlValue.Testing;

namespace MlValue.Tests.Runs;

/// <summary>The SQLite run store passes the run-store contract.</summary>
[TestClass]
public sealed class SqliteRunStoreContractTests : RunStoreContractTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mlvalue-runs-contract-").FullName;

    protected override Task<IRunStore> CreateStoreAsync() => Task.FromResult<IRunStore>(new SqliteRunStore(Path.Combine(_folder, "runs.db")));

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);
}
