using Microsoft.Extensions.DependencyInjection;
using MlValue.PostgreSql.Tests.Support;
using MlValue.Registry;
using MlValue.Testing;

namespace MlValue.PostgreSql.Tests.Registry;

/// <summary>The PostgreSQL registry passes the registry contract, built through public API only, each test in a schema of its own.</summary>
[TestClass]
public sealed class PostgreSqlModelRegistryContractTests : ModelRegistryContractTests
{
    private readonly string _schema = PostgresServer.NewSchema();
    private ServiceProvider? _services;

    protected override Task<IModelRegistry> CreateRegistryAsync(TimeProvider timeProvider)
    {
        var services = new ServiceCollection().AddSingleton(timeProvider);
        services.AddMlValue().AddModelRegistry().UsePostgreSql(o =>
        {
            o.ConnectionString = PostgresServer.ConnectionString;
            o.Schema = _schema;
            o.RetryDelay = TimeSpan.Zero;
        });
        _services = services.BuildServiceProvider();
        return Task.FromResult(_services.GetRequiredService<IModelRegistry>());
    }

    // The documented layout: a blob's bytes are rows of blob_chunks (sha256, chunk_index, data).
    protected override async Task<bool> CorruptBlobAsync(string sha256)
        => await PostgresServer.ExecuteAsync(_schema, "UPDATE blob_chunks SET data = 'damaged'::bytea WHERE sha256 = @sha AND chunk_index = 0;", ("sha", sha256)) == 1;

    [TestCleanup]
    public async Task DropSchemaAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await PostgresServer.DropSchemaAsync(_schema);
    }
}
