using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using MlValue.Registry;
using MlValue.Training;

namespace MlValue.Tests.Registry;

/// <summary>A registry in a fresh temporary folder, on a fake clock starting 2025-03-01 09:00 UTC.</summary>
internal sealed class RegistryFixture : IDisposable
{
    public RegistryFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "mlvalue-registry-" + Guid.NewGuid().ToString("N"));
        Time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        Settings = new RegistrySettings { RootDirectory = Root, BusyTimeout = TimeSpan.FromSeconds(5), MaxBusyRetries = 8, CodeVersion = "1.0.0-test", TempFileGracePeriod = TimeSpan.FromHours(1) };
        Store = new FileArtifactStore(Settings.ArtifactDirectory);
        Registry = new SqliteModelRegistry(Settings, Store, Time);
    }

    public string Root { get; }

    public FakeTimeProvider Time { get; }

    public RegistrySettings Settings { get; }

    public FileArtifactStore Store { get; }

    public SqliteModelRegistry Registry { get; }

    public static ModelRegistration Registration(string model, string content, Action<Dictionary<string, double>>? metrics = null, IReadOnlyDictionary<string, string>? tags = null)
    {
        var values = new Dictionary<string, double> { ["auc"] = 0.9 };
        metrics?.Invoke(values);
        return new ModelRegistration
        {
            ModelName = model,
            Artifact = new ModelArtifact("test-bytes", System.Text.Encoding.UTF8.GetBytes(content)),
            TrainerName = "sdca-logistic",
            TrainingDatasetIds = ["ds-train"],
            Metrics = values,
            Tags = tags ?? new Dictionary<string, string>(),
        };
    }

    public async Task<ModelVersion> RegisterAsync(string model, string content, double auc = 0.9, IReadOnlyDictionary<string, string>? tags = null)
    {
        Time.Advance(TimeSpan.FromMinutes(1));
        return await Registry.RegisterAsync(Registration(model, content, m => m["auc"] = auc, tags));
    }

    public string BlobPath(string sha256) => Store.PathOf(sha256);

    public SqliteConnection OpenDatabase()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Settings.DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
