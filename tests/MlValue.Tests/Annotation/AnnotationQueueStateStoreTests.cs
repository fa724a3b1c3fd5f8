using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MlValue.Annotation;
using MlValue.State;
using MlValue.Tests.Support;

namespace MlValue.Tests.Annotation;

/// <summary>A queue kept in a state store: writers that share it (processes, here two queue instances) lose no task or answer.</summary>
[TestClass]
public sealed class AnnotationQueueStateStoreTests : TempRootTest
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));

    [TestMethod]
    public async Task TwoQueuesOnOneStore_RacingImports_KeepEveryAnswer()
    {
        Directory.CreateDirectory(Root);
        var store = new InMemoryStateStore();
        var a = AnnotationTaskQueue.InStateStore(store, "mail-queue", Time);
        var b = AnnotationTaskQueue.InStateStore(store, "mail-queue", Time);
        var items = Enumerable.Range(0, 30).Select(i => $"m{i}").ToArray();
        await a.ExportAsync<string, string>(items, i => i, suggestions: null, Path.Combine(Root, "tasks.jsonl"));

        var imports = await Task.WhenAll(Enumerable.Range(0, 6).Select(n => Task.Run(() => (n % 2 == 0 ? a : b).ImportAnswersAsync<string>(Answers($"annotator-{n}", items)))));

        var status = await b.GetStatusAsync();
        Assert.AreEqual(180, imports.Sum(r => r.Added));
        Assert.AreEqual(30, status.Tasks);
        Assert.AreEqual(180, status.Answers, "each import was redone on the newer state when another saved first");
        Assert.IsNull(a.RootDirectory);
    }

    [TestMethod]
    public async Task ExportAsync_SecondQueueOnTheStore_CreatesNoDuplicateTasks()
    {
        Directory.CreateDirectory(Root);
        var store = new InMemoryStateStore();
        var items = new[] { "m1", "m2", "m3" };

        var first = await AnnotationTaskQueue.InStateStore(store, "q", Time).ExportAsync<string, string>(items, i => i, null, Path.Combine(Root, "a.jsonl"));
        var second = await AnnotationTaskQueue.InStateStore(store, "q", Time).ExportAsync<string, string>(items.Append("m4"), i => i, null, Path.Combine(Root, "b.jsonl"));

        Assert.HasCount(3, first.CreatedTaskIds);
        CollectionAssert.AreEqual(new[] { AnnotationTaskQueue.TaskIdFor("m4") }, second.CreatedTaskIds.ToArray());
        Assert.AreEqual(3, second.AlreadyPending);
    }

    [TestMethod]
    public async Task ImportAnswersAsync_OthersAlwaysSaveFirst_ThrowsAfterTheAttemptsAndSavesNothing()
    {
        Directory.CreateDirectory(Root);
        var store = new AlwaysMovedStore();
        var queue = AnnotationTaskQueue.InStateStore(store, "busy", Time);

        var error = await Assert.ThrowsExactlyAsync<AnnotationException>(() => queue.ImportAnswersAsync<string>(Answers("alice", ["m1"])));

        StringAssert.Contains(error.Message, "state store key 'busy' was saved by other writers 64 times in a row");
        Assert.AreEqual(64, store.Attempts);
    }

    [TestMethod]
    public void AddAnnotation_StateStoreRegistered_KeepsTheQueueThereUnderItsKey()
    {
        var store = new InMemoryStateStore();
        var services = new ServiceCollection();
        services.AddSingleton<IStateStore>(store);
        services.AddMlValue(o => o.RootDirectory = Root).AddAnnotation();
        using var provider = services.BuildServiceProvider();

        var queue = provider.GetRequiredService<AnnotationTaskQueue>();

        Assert.IsNull(queue.RootDirectory);
        Assert.AreEqual("annotation-queue", AnnotationBuilderExtensions.QueueStateKey);
    }

    [TestMethod]
    public void Constructor_UnsafeKey_Throws()
        => Assert.ThrowsExactly<ArgumentException>(() => AnnotationTaskQueue.InStateStore(new InMemoryStateStore(), "../queue", Time));

    private string Answers(string annotator, IEnumerable<string> items)
    {
        var path = Path.Combine(Root, $"answers-{annotator}.jsonl");
        File.WriteAllLines(path, items.Select(i => $$"""{"taskId":"{{AnnotationTaskQueue.TaskIdFor(i)}}","annotatorId":"{{annotator}}","label":"spam"}"""));
        return path;
    }

    /// <summary>A store in which another writer has always just saved: every compare-and-swap fails.</summary>
    private sealed class AlwaysMovedStore : IStateStore
    {
        public int Attempts { get; private set; }

        public Task<StateEntry?> LoadAsync(string key, CancellationToken cancellationToken = default)
            => Task.FromResult<StateEntry?>(new StateEntry("""{"tasks":[{"taskId":"t-x","itemId":"m1","item":"m1","createdAt":"2026-05-01T09:00:00+00:00","answers":[]}],"unmatchedAnswers":[]}"""u8.ToArray(), Attempts + 1));

        public Task<long?> TrySaveAsync(string key, ReadOnlyMemory<byte> content, long? expectedRevision, CancellationToken cancellationToken = default)
        {
            Attempts++;
            return Task.FromResult<long?>(null);
        }
    }
}
