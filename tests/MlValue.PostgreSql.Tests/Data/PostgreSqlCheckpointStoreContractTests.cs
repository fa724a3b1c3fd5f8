using MlValue.Data;
using MlValue.PostgreSql.Tests.Support;
using MlValue.Testing;

namespace MlValue.PostgreSql.Tests.Data;

/// <summary>The PostgreSQL checkpoint store passes the checkpoint-store contract, durability across instances included.</summary>
[TestClass]
public sealed class PostgreSqlCheckpointStoreContractTests : CheckpointStoreContractTests
{
    private readonly string _schema = PostgresServer.NewSchema();
    private readonly List<PostgreSqlCheckpointStore> _opened = [];

    protected override Task<ICheckpointStore> CreateStoreAsync() => Task.FromResult<ICheckpointStore>(Open());

    protected override Task<ICheckpointStore?> ReopenStoreAsync() => Task.FromResult<ICheckpointStore?>(Open());

    [TestCleanup]
    public async Task DropSchemaAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        await PostgresServer.DropSchemaAsync(_schema);
    }

    private PostgreSqlCheckpointStore Open()
    {
        var store = new PostgreSqlCheckpointStore(PostgresServer.Options(_schema));
        _opened.Add(store);
        return store;
    }
}
