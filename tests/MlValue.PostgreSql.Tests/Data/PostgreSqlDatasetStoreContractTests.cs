using MlValue.Data;
using MlValue.PostgreSql.Tests.Support;
using MlValue.Testing;

namespace MlValue.PostgreSql.Tests.Data;

/// <summary>The PostgreSQL dataset store passes the dataset-store contract, each test in a schema of its own.</summary>
[TestClass]
public sealed class PostgreSqlDatasetStoreContractTests : DatasetStoreContractTests
{
    private readonly string _schema = PostgresServer.NewSchema();

    protected override Task<IDatasetStore> CreateStoreAsync() => Task.FromResult<IDatasetStore>(new PostgreSqlDatasetStore(PostgresServer.Options(_schema)));

    [TestCleanup]
    public Task DropSchemaAsync() => PostgresServer.DropSchemaAsync(_schema);
}
