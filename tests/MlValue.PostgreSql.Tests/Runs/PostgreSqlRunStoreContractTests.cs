using MlValue.PostgreSql.Tests.Support;
using MlValue.Runs;
using MlValue.Testing;

namespace MlValue.PostgreSql.Tests.Runs;

/// <summary>The PostgreSQL run store passes the run-store contract, each test in a schema of its own.</summary>
[TestClass]
public sealed class PostgreSqlRunStoreContractTests : RunStoreContractTests
{
    private readonly string _schema = PostgresServer.NewSchema();

    protected override Task<IRunStore> CreateStoreAsync() => Task.FromResult<IRunStore>(new PostgreSqlRunStore(PostgresServer.Options(_schema)));

    [TestCleanup]
    public Task DropSchemaAsync() => PostgresServer.DropSchemaAsync(_schema);
}
