using System.Text;
using Microsoft.Extensions.Time.Testing;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MlValue.Registry;
using MlValue.Training;

namespace MlValue.Testing;

/// <summary>
/// The guarantees every <see cref="IModelRegistry"/> (with its artifact store, and
/// <see cref="IModelRegistryMaintenance"/> when it implements it) keeps, as MSTest tests: monotonic immutable
/// versions, required lineage, compare-and-swap aliases with history and rollback, SHA-256 verified on load,
/// name validation, retention that never touches an aliased version, and garbage collection of unreferenced blobs only.
/// Derive a <c>[TestClass]</c> from it and implement <see cref="CreateRegistryAsync"/>; override
/// <see cref="CorruptBlobAsync"/> so the integrity tests can run.
/// </summary>
public abstract partial class ModelRegistryContractTests
{
    private IModelRegistry? _registry;

    /// <summary>The clock given to the registry: 2025-03-01 09:00 UTC when each test starts, moved only by the tests.</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The registry under test, created fresh for each test.</summary>
    protected IModelRegistry Registry => _registry ?? throw new InvalidOperationException("The registry exists only while a test runs.");

    /// <summary>The registry's maintenance operations; a test that needs them is inconclusive when the registry does not implement them.</summary>
    protected IModelRegistryMaintenance Maintenance
    {
        get
        {
            if (Registry is IModelRegistryMaintenance maintenance)
            {
                return maintenance;
            }

            Assert.Inconclusive($"{Registry.GetType().Name} does not implement IModelRegistryMaintenance: retention and garbage collection are not checked.");
            throw new InvalidOperationException("unreachable");
        }
    }

    /// <summary>Creates an empty registry over fresh backing storage, on <paramref name="timeProvider"/>.</summary>
    /// <param name="timeProvider">The clock the registry must use for <see cref="ModelVersion.CreatedAt"/> and <see cref="AliasMove.MovedAt"/>.</param>
    /// <returns>The registry; disposed after the test when it is <see cref="IDisposable"/> or <see cref="IAsyncDisposable"/>.</returns>
    protected abstract Task<IModelRegistry> CreateRegistryAsync(TimeProvider timeProvider);

    /// <summary>
    /// Changes the stored bytes of the blob at <paramref name="sha256"/> (an artifact or an attachment) so that they
    /// no longer hash to it, as disk damage would. Default: <see langword="false"/>, the store offers no way, and the
    /// integrity tests are inconclusive.
    /// </summary>
    /// <param name="sha256">The blob's address (<see cref="ModelVersion.ArtifactSha256"/> or an attachment's).</param>
    /// <returns><see langword="true"/> when the blob was changed.</returns>
    protected virtual Task<bool> CorruptBlobAsync(string sha256) => Task.FromResult(false);

    /// <summary>Creates the registry under test.</summary>
    /// <returns>A task.</returns>
    [TestInitialize]
    public async Task CreateRegistryUnderTestAsync() => _registry = await CreateRegistryAsync(Time);

    /// <summary>Disposes the registry under test.</summary>
    /// <returns>A task.</returns>
    [TestCleanup]
    public async Task DisposeRegistryUnderTestAsync()
    {
        if (_registry is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else if (_registry is IDisposable disposable)
        {
            disposable.Dispose();
        }

        _registry = null;
    }

    /// <summary>A valid registration of <paramref name="content"/> (UTF-8) with lineage, one minute after the last.</summary>
    /// <param name="model">The model name.</param>
    /// <param name="content">The artifact's text.</param>
    /// <returns>The registration.</returns>
    protected static ModelRegistration Registration(string model, string content) => new()
    {
        ModelName = model,
        Artifact = new ModelArtifact("contract-bytes", Encoding.UTF8.GetBytes(content)),
        TrainerName = "contract-trainer",
        TrainingDatasetIds = ["ds-train"],
        Metrics = new Dictionary<string, double> { ["auc"] = 0.9 },
    };

    /// <summary>Registers <paramref name="content"/> as the next version of <paramref name="model"/>, one minute later.</summary>
    /// <param name="model">The model name.</param>
    /// <param name="content">The artifact's text.</param>
    /// <returns>The version.</returns>
    protected async Task<ModelVersion> RegisterAsync(string model, string content)
    {
        Time.Advance(TimeSpan.FromMinutes(1));
        return await Registry.RegisterAsync(Registration(model, content));
    }

    /// <summary>The artifact of a version, as text.</summary>
    /// <param name="model">The model name.</param>
    /// <param name="version">The version.</param>
    /// <returns>The text.</returns>
    protected async Task<string> ArtifactTextAsync(string model, int version)
        => Encoding.UTF8.GetString((await Registry.LoadArtifactAsync(model, version)).Content.Span);

    private async Task CorruptOrSkipAsync(string sha256)
    {
        if (!await CorruptBlobAsync(sha256))
        {
            Assert.Inconclusive("The store gives no way to damage a stored blob (override CorruptBlobAsync): SHA-256 verification on load is not checked.");
        }
    }
}
