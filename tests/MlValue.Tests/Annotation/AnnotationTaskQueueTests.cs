using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MlValue.Annotation;

namespace MlValue.Tests.Annotation;

[TestClass]
public sealed class AnnotationTaskQueueTests
{
    private string _root = string.Empty;
    private AnnotationTaskQueue _queue = null!;

    public sealed record Mail(string Id, string Subject);

    private static readonly Mail[] Mails = [new("m1", "cheap pills"), new("m2", "lunch?"), new("m3", "win $$$")];

    [TestInitialize]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "mlvalue-annotation-" + Guid.NewGuid().ToString("N"));
        _queue = new AnnotationTaskQueue(Path.Combine(_root, "queue"), new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.Zero)));
    }

    [TestCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string PathOf(string name) => Path.Combine(_root, name);

    private string Answers(params string[] lines)
    {
        var path = PathOf($"answers-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string Line(string itemId, string annotator, string label)
        => $$"""{"taskId":"{{AnnotationTaskQueue.TaskIdFor(itemId)}}","annotatorId":"{{annotator}}","label":"{{label}}"}""";

    [TestMethod]
    public async Task ExportAsync_WritesOneTaskPerLineWithPayloadAndSuggestion()
    {
        var result = await _queue.ExportAsync(Mails, m => m.Id, [Annotations.Of("m3", "rules", "spam", 0.9), Annotations.Abstain<string>("m1", "rules")], PathOf("tasks.jsonl"));

        var lines = File.ReadAllLines(result.ExportPath);
        Assert.AreEqual(3, lines.Length);
        Support.Snapshot.Verify(string.Join('\n', lines), "jsonl");
        using var first = JsonDocument.Parse(lines[0]);
        Assert.AreEqual("cheap pills", first.RootElement.GetProperty("item").GetProperty("subject").GetString());
        Assert.IsFalse(first.RootElement.TryGetProperty("suggestion", out _));
    }

    [TestMethod]
    public async Task ExportAsync_Again_DoesNotDuplicatePendingOrAnsweredTasks()
    {
        await _queue.ExportAsync<Mail, string>(Mails.Take(2), m => m.Id, null, PathOf("t1.jsonl"));
        await _queue.ImportAnswersAsync<string>(Answers(Line("m1", "alice", "spam")));

        var again = await _queue.ExportAsync<Mail, string>(Mails, m => m.Id, null, PathOf("t2.jsonl"));

        CollectionAssert.AreEqual(new[] { AnnotationTaskQueue.TaskIdFor("m3") }, again.CreatedTaskIds.ToArray());
        Assert.AreEqual(1, again.AlreadyAnswered);
        Assert.AreEqual(1, again.AlreadyPending);
        Assert.AreEqual(1, File.ReadAllLines(again.ExportPath).Length);
        var status = await _queue.GetStatusAsync();
        Assert.AreEqual((3, 2, 1), (status.Tasks, status.Pending, status.Answered));
    }

    [TestMethod]
    public async Task ImportAnswersAsync_SameFileTwice_ChangesNothing()
    {
        await _queue.ExportAsync<Mail, string>(Mails, m => m.Id, null, PathOf("t.jsonl"));
        var file = Answers(Line("m1", "alice", "spam"), Line("m2", "alice", "ham"));

        var first = await _queue.ImportAnswersAsync<string>(file);
        var state = await File.ReadAllTextAsync(Path.Combine(_queue.RootDirectory!, AnnotationTaskQueue.StateFileName));
        var second = await _queue.ImportAnswersAsync<string>(file);

        Assert.AreEqual((2, 0, 0), (first.Added, first.Updated, first.Unchanged));
        Assert.AreEqual((0, 0, 2), (second.Added, second.Updated, second.Unchanged));
        Assert.AreEqual(state, await File.ReadAllTextAsync(Path.Combine(_queue.RootDirectory!, AnnotationTaskQueue.StateFileName)));
    }

    [TestMethod]
    public async Task ImportAnswersAsync_MalformedLines_ReportedWithLineNumbersAndGoodLinesKept()
    {
        await _queue.ExportAsync<Mail, string>(Mails, m => m.Id, null, PathOf("t.jsonl"));
        var file = Answers(
            Line("m1", "alice", "spam"),
            "{not json",
            $$"""{"taskId":"{{AnnotationTaskQueue.TaskIdFor("m2")}}","label":"ham"}""",
            "",
            $$"""{"taskId":"{{AnnotationTaskQueue.TaskIdFor("m2")}}","annotatorId":"alice","label":"ham","confidence":3}""",
            $$"""{"taskId":"{{AnnotationTaskQueue.TaskIdFor("m2")}}","annotatorId":"alice","label":42}""",
            $$"""{"taskId":"{{AnnotationTaskQueue.TaskIdFor("m3")}}","annotatorId":"alice"}""",
            Line("nope", "alice", "spam"),
            $$"""{"taskId":"{{AnnotationTaskQueue.TaskIdFor("m3")}}","annotatorId":"alice","abstain":true}""");

        var result = await _queue.ImportAnswersAsync<string>(file);

        Support.Snapshot.Verify(string.Join('\n', result.Malformed.Concat(result.UnknownTasks).Select(i => i.ToString())), "txt");
        CollectionAssert.AreEqual(new[] { 2, 3, 5, 6, 7 }, result.Malformed.Select(i => i.LineNumber).ToArray());
        Assert.AreEqual(8, result.UnknownTasks.Single().LineNumber);
        Assert.AreEqual((8, 2), (result.Lines, result.Added));
        var status = await _queue.GetStatusAsync();
        Assert.AreEqual((2, 1), (status.Answers, status.UnmatchedAnswers));
    }

    [TestMethod]
    public async Task ImportAnswersAsync_PartialThenRest_ReimportIsSafeAndChangedAnswerUpdates()
    {
        await _queue.ExportAsync<Mail, string>(Mails, m => m.Id, null, PathOf("t.jsonl"));
        await _queue.ImportAnswersAsync<string>(Answers(Line("m1", "alice", "spam")));
        Assert.AreEqual(2, (await _queue.GetStatusAsync()).Pending);

        var rest = await _queue.ImportAnswersAsync<string>(Answers(Line("m1", "alice", "ham"), Line("m2", "alice", "ham"), Line("m3", "alice", "spam"), Line("m3", "bob", "spam")));

        Assert.AreEqual((3, 1, 0), (rest.Added, rest.Updated, rest.Unchanged));
        var answers = await _queue.GetAnswersAsync<string>();
        Assert.AreEqual("m1:alice=ham m2:alice=ham m3:alice=spam m3:bob=spam", string.Join(' ', answers.Select(a => $"{a.ItemId}:{a.AnnotatorId}={a.LabelText}")));
        Assert.AreEqual(0, (await _queue.GetStatusAsync()).Pending);
    }

    [TestMethod]
    public async Task AsAnnotator_AnsweredItemsLabelled_OthersAbstainWithHumanId()
    {
        await _queue.ExportAsync<Mail, string>(Mails, m => m.Id, null, PathOf("t.jsonl"));
        await _queue.ImportAnswersAsync<string>(Answers(Line("m1", "alice", "spam"), Line("m2", "bob", "ham")));

        var alice = await _queue.AsAnnotator<Mail, string>("alice", m => m.Id).AnnotateAsync(Mails);

        Assert.AreEqual("m1:spam:alice m2:(abstain):alice m3:(abstain):alice", string.Join(' ', alice.Select(a => $"{a.ItemId}:{a.LabelText}:{a.AnnotatorId}")));
    }

    [TestMethod]
    public async Task ExportPendingAsync_AfterLostFile_WritesPendingTasksAgain()
    {
        var export = await _queue.ExportAsync<Mail, string>(Mails, m => m.Id, null, PathOf("t.jsonl"));
        File.Delete(export.ExportPath);
        await _queue.ImportAnswersAsync<string>(Answers(Line("m2", "alice", "ham")));

        var written = await _queue.ExportPendingAsync(PathOf("again.jsonl"));

        Assert.AreEqual(2, written);
        Assert.AreEqual(2, File.ReadAllLines(PathOf("again.jsonl")).Length);
    }

    [TestMethod]
    public async Task State_SurvivesNewInstance_AndLeavesNoTemporaryFiles()
    {
        await _queue.ExportAsync<Mail, string>(Mails, m => m.Id, null, PathOf("t.jsonl"));
        await _queue.ImportAnswersAsync<string>(Answers(Line("m1", "alice", "spam")));

        var reopened = new AnnotationTaskQueue(_queue.RootDirectory!, TimeProvider.System);

        Assert.AreEqual(1, (await reopened.GetStatusAsync()).Answered);
        CollectionAssert.AreEqual(new[] { AnnotationTaskQueue.StateFileName }, Directory.GetFiles(_queue.RootDirectory!).Select(Path.GetFileName).ToArray());
    }

    [TestMethod]
    public async Task CorruptState_ThrowsNamingFileAndFix()
    {
        Directory.CreateDirectory(_queue.RootDirectory!);
        await File.WriteAllTextAsync(Path.Combine(_queue.RootDirectory!, AnnotationTaskQueue.StateFileName), "{ broken");

        var error = await Assert.ThrowsExactlyAsync<AnnotationException>(() => _queue.GetStatusAsync());
        StringAssert.Contains(error.Message, AnnotationTaskQueue.StateFileName);
        StringAssert.Contains(error.Message, "restore");
    }

    [TestMethod]
    public async Task ImportAnswersAsync_MissingFile_ThrowsNamingPath()
    {
        var error = await Assert.ThrowsExactlyAsync<AnnotationException>(() => _queue.ImportAnswersAsync<string>(PathOf("missing.jsonl")));
        StringAssert.Contains(error.Message, "missing.jsonl");
    }

    [TestMethod]
    public async Task ExportAsync_DuplicateItemIds_Throws()
        => await Assert.ThrowsExactlyAsync<AnnotationException>(() => _queue.ExportAsync<Mail, string>([Mails[0], Mails[0]], m => m.Id, null, PathOf("t.jsonl")));
}
