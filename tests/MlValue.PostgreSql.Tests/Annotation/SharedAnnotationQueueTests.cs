using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MlValue.Annotation;
using MlValue.PostgreSql.Tests.Support;
using MlValue.State;

namespace MlValue.PostgreSql.Tests.Annotation;

/// <summary>With <c>UsePostgreSql</c>, the annotation queue lives in the database, and two processes' queues are one queue.</summary>
[TestClass]
public sealed class SharedAnnotationQueueTests
{
    private readonly string _schema = PostgresServer.NewSchema();
    private readonly string _folder = Directory.CreateTempSubdirectory("mlvalue-pg-queue-").FullName;

    [TestCleanup]
    public async Task CleanupAsync()
    {
        await PostgresServer.DropSchemaAsync(_schema);
        Directory.Delete(_folder, recursive: true);
    }

    [TestMethod]
    public async Task TwoServiceProviders_ExportInOneAnswerInBoth_EveryAnswerKeptInTheDatabase()
    {
        await using var first = Provider();
        await using var second = Provider();
        var a = first.GetRequiredService<AnnotationTaskQueue>();
        var b = second.GetRequiredService<AnnotationTaskQueue>();
        var items = Enumerable.Range(0, 20).Select(i => $"m{i}").ToArray();

        var export = await a.ExportAsync<string, string>(items, i => i, suggestions: null, Path.Combine(_folder, "tasks.jsonl"));
        var again = await b.ExportAsync<string, string>(items, i => i, suggestions: null, Path.Combine(_folder, "tasks-b.jsonl"));
        var answers = await Task.WhenAll(
            a.ImportAnswersAsync<string>(Answers("alice", items)),
            b.ImportAnswersAsync<string>(Answers("bob", items)));

        Assert.IsNull(a.RootDirectory, "the queue is kept in the state store, not in a folder");
        Assert.HasCount(20, export.CreatedTaskIds);
        Assert.IsEmpty(again.CreatedTaskIds, "the second process sees the tasks the first created");
        Assert.AreEqual(40, answers.Sum(r => r.Added));
        var status = await b.GetStatusAsync();
        Assert.AreEqual(20, status.Tasks);
        Assert.AreEqual(40, status.Answers, "both annotators' answers are kept: no import overwrote the other");
        Assert.AreEqual(1, await PostgresServer.CountAsync(_schema, "SELECT count(*) FROM state_documents WHERE key = 'annotation-queue'"));
    }

    private ServiceProvider Provider()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero)));
        services.AddMlValue(o => o.RootDirectory = _folder).AddAnnotation().UsePostgreSql(o =>
        {
            o.ConnectionString = PostgresServer.ConnectionString;
            o.Schema = _schema;
        });
        return services.BuildServiceProvider();
    }

    private string Answers(string annotator, IEnumerable<string> items)
    {
        var path = Path.Combine(_folder, $"answers-{annotator}.jsonl");
        File.WriteAllLines(path, items.Select(i => $$"""{"taskId":"{{AnnotationTaskQueue.TaskIdFor(i)}}","annotatorId":"{{annotator}}","label":"{{(i.Length % 2 == 0 ? "spam" : "ham")}}"}"""));
        return path;
    }
}
