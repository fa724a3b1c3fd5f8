using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MlValue.Data;
using MlValue.PostgreSql.Tests.Support;
using MlValue.Registry;
using MlValue.Runs;
using Npgsql;

namespace MlValue.PostgreSql.Tests.DependencyInjection;

/// <summary>UsePostgreSql() registers the stores; a wrong server, password or database fails start-up with a typed error naming the setting, never the password.</summary>
[TestClass]
public sealed class StartupValidationTests
{
    private readonly string _schema = PostgresServer.NewSchema();

    [TestCleanup]
    public Task DropSchemaAsync() => PostgresServer.DropSchemaAsync(_schema);

    [TestMethod]
    public void Resolve_WrongPort_ThrowsRegistryStoreExceptionNamingHostAndPort()
    {
        var port = FreePort();
        var connectionString = PostgresServer.With(b => b.Port = port);

        var error = Assert.ThrowsExactly<RegistryStoreException>(() => Provider(connectionString).GetRequiredService<IModelRegistry>());

        StringAssert.Contains(error.Message, "MlValue:PostgreSql:ConnectionString");
        StringAssert.Contains(error.Message, "cannot be reached");
        StringAssert.Contains(error.Message, $"Port={port}");
        StringAssert.Contains(error.Message, "Host and Port");
        AssertNoPassword(error);
    }

    [TestMethod]
    public void Resolve_WrongPassword_ThrowsRegistryStoreExceptionNamingTheCredentials()
    {
        var connectionString = PostgresServer.With(b => b.Password = "not-the-password-" + Guid.NewGuid().ToString("N"));

        var error = Assert.ThrowsExactly<RegistryStoreException>(() => Provider(connectionString).GetRequiredService<IRunStore>());

        StringAssert.Contains(error.Message, "MlValue:PostgreSql:ConnectionString");
        StringAssert.Contains(error.Message, "refused the credentials");
        StringAssert.Contains(error.Message, "Username and Password");
        AssertNoPassword(error, new NpgsqlConnectionStringBuilder(connectionString).Password!);
        AssertNoPassword(error);
    }

    [TestMethod]
    public void Resolve_MissingDatabase_ThrowsRegistryStoreExceptionNamingTheDatabase()
    {
        var database = "mlvalue_missing_" + Guid.NewGuid().ToString("N");
        var connectionString = PostgresServer.With(b => b.Database = database);

        var error = Assert.ThrowsExactly<RegistryStoreException>(() => Provider(connectionString).GetRequiredService<ICheckpointStore>());

        StringAssert.Contains(error.Message, "does not exist");
        StringAssert.Contains(error.Message, $"Database={database}");
        StringAssert.Contains(error.Message, "CREATE DATABASE");
        Assert.AreEqual("start-up check", error.Operation);
        AssertNoPassword(error);
    }

    [TestMethod]
    public async Task StartAsync_HostWithWrongPort_FailsTheStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddMlValue().UsePostgreSql(PostgresServer.With(b => b.Port = FreePort()));
        using var host = builder.Build();

        var error = await Assert.ThrowsExactlyAsync<RegistryStoreException>(() => host.StartAsync());

        StringAssert.Contains(error.Message, "MlValue:PostgreSql:ConnectionString");
    }

    [TestMethod]
    public void Resolve_BadSchemaOption_FailsValidationNamingTheSetting()
    {
        var services = new ServiceCollection();
        services.AddMlValue().UsePostgreSql(o =>
        {
            o.ConnectionString = PostgresServer.ConnectionString;
            o.Schema = "Bad-Schema";
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PostgreSqlOptions>>().Value);

        StringAssert.Contains(error.Message, "MlValue:PostgreSql:Schema 'Bad-Schema'");
    }

    [TestMethod]
    public async Task UsePostgreSql_FromConfiguration_BindsConnectionStringAndSchema()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MlValue:PostgreSql:ConnectionString"] = PostgresServer.ConnectionString,
            ["MlValue:PostgreSql:Schema"] = _schema,
        }).Build();
        var services = new ServiceCollection();
        services.AddMlValue(configuration.GetSection("MlValue")).AddDataSources().UsePostgreSql();
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<ICheckpointStore>().SaveAsync("inbox", "42");
        var run = await provider.GetRequiredService<IRunStore>().CreateAsync("spam", null, "configured", ["train"], DateTimeOffset.UnixEpoch);

        Assert.IsInstanceOfType<PostgreSqlCheckpointStore>(provider.GetRequiredService<ICheckpointStore>(), "the file default of AddDataSources() gives way");
        Assert.IsInstanceOfType<PostgreSqlRunStore>(provider.GetRequiredService<IRunStore>());
        Assert.AreEqual("run-000001", run.RunId);
        Assert.AreEqual("42", await PostgresServer.ScalarAsync(_schema, "SELECT checkpoint FROM checkpoints WHERE source_name = 'inbox';"));
    }

    [TestMethod]
    public void UsePostgreSql_CheckpointStoreOfTheApplication_IsKept()
    {
        var services = new ServiceCollection();
        var own = new InMemoryCheckpointStore();
        services.AddSingleton<ICheckpointStore>(_ => own);
        services.AddMlValue().UsePostgreSql(PostgresServer.ConnectionString);
        using var provider = services.BuildServiceProvider();

        Assert.AreSame(own, provider.GetRequiredService<ICheckpointStore>());
    }

    [TestMethod]
    public void Require_VariableNotSet_FailsTheTestWithWhatToRun()
    {
        var error = Assert.ThrowsExactly<AssertFailedException>(() => PostgresServer.Require(null));

        StringAssert.Contains(error.Message, "bash eng/postgres.sh start");
        StringAssert.Contains(error.Message, "export MLVALUE_POSTGRES=");
    }

    private static ServiceProvider Provider(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddMlValue().AddDataSources().UsePostgreSql(connectionString);
        return services.BuildServiceProvider();
    }

    private static void AssertNoPassword(Exception error, string? password = null)
    {
        password ??= new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString).Password;
        if (string.IsNullOrEmpty(password))
        {
            return;
        }

        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(password, e.Message, "no message shows the password");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
