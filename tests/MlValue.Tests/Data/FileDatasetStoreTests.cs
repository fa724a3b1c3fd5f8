using Microsoft.Extensions.Time.Testing;
using MlValue.Data;
using MlValue.Registry;
using MlValue.Runs;
using MlValue.Testing;
using MlValue.Training;

namespace MlValue.Tests.Data;

/// <summary>The file dataset store passes the dataset-store contract, each test in a folder of its own.</summary>
[TestClass]
public sealed class FileDatasetStoreContractTests : DatasetStoreContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mlvalue-datasets-" + Guid.NewGuid().ToString("N"));

    protected override Task<IDatasetStore> CreateStoreAsync() => Task.FromResult<IDatasetStore>(new FileDatasetStore(_folder));

    [TestCleanup]
    public void RemoveFolder()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

/// <summary>The file store's own behaviour, and dataset garbage collection.</summary>
[TestClass]
public sealed class DatasetStoreTests
{
    private static readonly DateTimeOffset Start = new(2002, 8, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mlvalue-datasets-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(Start);

    [TestCleanup]
    public void RemoveFolder()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static Dataset<Mail> Mails(string prefix, int count)
        => Dataset.FromRecords(Enumerable.Range(0, count).Select(i => new Mail { Text = $"{prefix} {i}", IsSpam = i % 3 == 0 }), new DatasetProvenance { Source = prefix });

    [TestMethod]
    public async Task LoadAsync_FileEditedOnDisk_ThrowsNamingTheIdAndTheFile()
    {
        var store = new FileDatasetStore(_folder, _time);
        var dataset = Mails("inbox", 50);
        await store.SaveAsync(dataset);
        var path = store.Locate(dataset.Id);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[bytes.Length / 2] ^= 0x5a;
        await File.WriteAllBytesAsync(path, bytes);

        var error = await Assert.ThrowsExactlyAsync<DatasetIntegrityException>(() => store.LoadAsync<Mail>(dataset.Id));

        StringAssert.Contains(error.Message, dataset.Id);
        StringAssert.Contains(error.Message, path);
        Assert.AreEqual(path, error.Location);
    }

    [TestMethod]
    public async Task SaveAsync_Compresses_FileSmallerThanTheText()
    {
        var store = new FileDatasetStore(_folder, _time);
        var dataset = Mails("the same words again and again", 2000);

        await store.SaveAsync(dataset);

        var size = (await store.ListAsync()).Single().Size;
        Assert.IsLessThan(2000 * 30, size);
        Assert.AreEqual(Start, (await store.ListAsync()).Single().StoredAt);
    }

    [TestMethod]
    public async Task CollectAsync_KeepsWhatRunsAndVersionsReferenceAndWhatIsRecent()
    {
        var store = new FileDatasetStore(_folder, _time);
        var runs = new InMemoryRunStore();
        var registry = new InMemoryModelRegistry(_time);
        var inRun = Mails("in-run", 5);
        var inAbandonedRun = Mails("in-abandoned-run", 5);
        var trained = Mails("trained", 5);
        var evaluated = Mails("evaluated", 5);
        var orphan = Mails("orphan", 5);
        var recent = Mails("recent", 5);
        foreach (var d in new[] { inRun, inAbandonedRun, trained, evaluated, orphan })
        {
            await store.SaveAsync(d);
        }

        var run = await runs.CreateAsync("spam", null, "manual", ["collect", "train"], Start);
        await runs.SaveAsync(run with { Steps = [run.Steps[0] with { Outputs = new Dictionary<string, StepReference> { ["train"] = StepReference.Dataset(inRun.Id), ["id-as-value"] = StepReference.Value(orphan.Id) } }, run.Steps[1]] });
        var old = await runs.CreateAsync("flights", null, "manual", ["train"], Start);
        await runs.SaveAsync(old with { Status = RunStatus.Abandoned, Steps = [old.Steps[0] with { Inputs = new Dictionary<string, StepReference> { ["d"] = StepReference.Dataset(inAbandonedRun.Id) } }] });
        await registry.RegisterAsync(new ModelRegistration
        {
            ModelName = "spam-filter", Artifact = new ModelArtifact("mlnet-zip", "model bytes"u8), TrainerName = "t", CodeVersion = "c",
            TrainingDatasetIds = [trained.Id], EvaluationDatasetIds = [evaluated.Id],
        });
        _time.Advance(TimeSpan.FromHours(2));
        await store.SaveAsync(recent);
        _time.Advance(TimeSpan.FromMinutes(10));

        var result = await new DatasetGarbageCollector(store, runs, registry, _time).CollectAsync(TimeSpan.FromHours(1));

        CollectionAssert.AreEqual(new[] { orphan.Id }, result.Deleted.ToArray());
        Assert.AreEqual(5, result.Kept);
        CollectionAssert.AreEquivalent(new[] { inRun.Id, inAbandonedRun.Id, trained.Id, evaluated.Id, recent.Id }, (await store.ListAsync()).Select(d => d.Id).ToArray());
    }

    private sealed class Mail
    {
        public string Text { get; set; } = string.Empty;

        public bool IsSpam { get; set; }
    }
}
