using MlValue.PostgreSql.Tests.Support;
using MlValue.State;
using MlValue.Testing;

namespace MlValue.PostgreSql.Tests.State;

/// <summary>The PostgreSQL state store passes the state-store contract, each test in a schema of its own.</summary>
[TestClass]
public sealed class PostgreSqlStateStoreContractTests : StateStoreContractTests
{
    private readonly string _schema = PostgresServer.NewSchema();

    protected override Task<IStateStore> CreateStoreAsync() => Task.FromResult<IStateStore>(new PostgreSqlStateStore(PostgresServer.Options(_schema)));

    [TestCleanup]
    public Task DropSchemaAsync() => PostgresServer.DropSchemaAsync(_schema);
}
