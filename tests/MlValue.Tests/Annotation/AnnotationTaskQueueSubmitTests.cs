using Microsoft.Extensions.Time.Testing;
using MlValue.Annotation;

namespace MlValue.Tests.Annotation;

/// <summary>Answers one at a time (what a labelling page sends): the next task per person, skips, and idempotent submits.</summary>
[TestClass]
public sealed class AnnotationTaskQueueSubmitTests
{
    private static readonly Mail[] Mails = [new("m1", "cheap pills"), new("m2", "lunch?"), new("m3", "win $$$")];
    private string _root = string.Empty;
    private AnnotationTaskQueue _queue = null!;

    public sealed record Mail(string Id, string Subject);

    [TestInitialize]
    public async Task SetupAsync()
    {
        _root = Path.Combine(Path.GetTempPath(), "mlvalue-annotation-" + Guid.NewGuid().ToString("N"));
        _queue = new AnnotationTaskQueue(Path.Combine(_root, "queue"), new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.Zero)));
        await _queue.ExportAsync(Mails, m => m.Id, [Annotations.Of("m2", "model:spam@v2", "ham", 0.7)], Path.Combine(_root, "tasks.jsonl"));
    }

    [TestCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [TestMethod]
    public async Task GetNextTask_FollowsTheExportOrderAndSkipsWhatThePersonAnswered()
    {
        var first = await _queue.GetNextTaskAsync("alice");
        await _queue.SubmitAnswerAsync(first!.TaskId, "alice", "spam");
        var second = await _queue.GetNextTaskAsync("alice");

        Assert.AreEqual("m1", first.ItemId);
        Assert.AreEqual(1, first.Position);
        Assert.AreEqual(3, first.QueueLength);
        Assert.AreEqual("m2", second!.ItemId);
        Assert.AreEqual("\"ham\"", second.SuggestedLabel?.GetRawText());
        Assert.AreEqual(0.7, second.SuggestedConfidence);
        Assert.AreEqual("model:spam@v2", second.SuggestedBy);
        Assert.AreEqual("lunch?", second.ItemAs<Mail>().Subject);
    }

    [TestMethod]
    public async Task GetNextTask_AnswersPerTask_KeepsATaskUntilItHasThatManyAnswers()
    {
        await _queue.SubmitAnswerAsync(AnnotationTaskQueue.TaskIdFor("m1"), "alice", "spam");

        Assert.AreEqual("m2", (await _queue.GetNextTaskAsync("bob"))!.ItemId, "one answer is enough by default");
        Assert.AreEqual("m1", (await _queue.GetNextTaskAsync("bob", answersPerTask: 2))!.ItemId, "a second person is asked with two answers per task");
        Assert.AreEqual("m2", (await _queue.GetNextTaskAsync("alice", answersPerTask: 2))!.ItemId, "never the same person twice");
    }

    [TestMethod]
    public async Task GetNextTask_AfterASkippedTask_ComesBackToItLast()
    {
        var afterFirst = await _queue.GetNextTaskAsync("alice", afterTaskId: AnnotationTaskQueue.TaskIdFor("m1"));
        var afterLast = await _queue.GetNextTaskAsync("alice", afterTaskId: AnnotationTaskQueue.TaskIdFor("m3"));
        await _queue.SubmitAnswerAsync(AnnotationTaskQueue.TaskIdFor("m2"), "alice", "ham");
        await _queue.SubmitAnswerAsync(AnnotationTaskQueue.TaskIdFor("m3"), "alice", "spam");
        var onlySkipped = await _queue.GetNextTaskAsync("alice", afterTaskId: AnnotationTaskQueue.TaskIdFor("m1"));

        Assert.AreEqual("m2", afterFirst!.ItemId);
        Assert.AreEqual("m1", afterLast!.ItemId, "the search comes back round to the front");
        Assert.AreEqual("m1", onlySkipped!.ItemId, "a skipped task is still asked when it is the only one left");
    }

    [TestMethod]
    public async Task GetNextTask_NothingLeftForThePerson_Null()
    {
        foreach (var mail in Mails)
        {
            await _queue.SubmitAbstainAsync(AnnotationTaskQueue.TaskIdFor(mail.Id), "alice");
        }

        Assert.IsNull(await _queue.GetNextTaskAsync("alice"));
        Assert.IsNotNull(await _queue.GetNextTaskAsync("bob", answersPerTask: 2));
    }

    [TestMethod]
    public async Task Submit_SameAnswerTwice_KeptOnce_ADifferentOneReplacesIt_OthersKeptBeside()
    {
        var task = AnnotationTaskQueue.TaskIdFor("m1");

        var first = await _queue.SubmitAnswerAsync(task, "alice", "spam");
        var again = await _queue.SubmitAnswerAsync(task, "alice", "spam");
        var changed = await _queue.SubmitAnswerAsync(task, "alice", "ham");
        var other = await _queue.SubmitAbstainAsync(task, "bob");

        Assert.AreEqual(AnswerOutcome.Added, first);
        Assert.AreEqual(AnswerOutcome.Unchanged, again);
        Assert.AreEqual(AnswerOutcome.Updated, changed);
        Assert.AreEqual(AnswerOutcome.Added, other);
        var reopened = new AnnotationTaskQueue(Path.Combine(_root, "queue"), TimeProvider.System);
        var answers = await reopened.GetAnswersAsync<string>();
        Assert.AreEqual(2, answers.Count, "saved before SubmitAnswerAsync returned");
        Assert.AreEqual("ham", answers.Single(a => a.AnnotatorId == "alice").Label);
        Assert.IsTrue(answers.Single(a => a.AnnotatorId == "bob").IsAbstain);
        var status = await reopened.GetStatusAsync();
        CollectionAssert.AreEqual(new[] { "alice", "bob" }, status.AnswersByAnnotator.Keys.ToArray());
        Assert.AreEqual(1, status.AnswersByAnnotator["alice"]);
    }

    [TestMethod]
    public async Task Submit_UnknownTask_ThrowsAndNamesIt()
    {
        var error = await Assert.ThrowsExactlyAsync<AnnotationException>(() => _queue.SubmitAnswerAsync("t-nope", "alice", "spam"));

        StringAssert.Contains(error.Message, "has no task 't-nope'; the answer was not kept");
        Assert.AreEqual(0, (await _queue.GetStatusAsync()).Answers);
    }

    [TestMethod]
    [DataRow(0d)]
    [DataRow(1.5)]
    [DataRow(double.NaN)]
    public async Task Submit_ConfidenceOutsideZeroToOne_Throws(double confidence)
        => await Assert.ThrowsExactlyAsync<ArgumentOutOfRangeException>(() => _queue.SubmitAnswerAsync(AnnotationTaskQueue.TaskIdFor("m1"), "alice", "spam", confidence));

    [TestMethod]
    public async Task ItemAs_WrongType_ThrowsAndNamesTheTask()
    {
        var task = (await _queue.GetNextTaskAsync("alice"))!;

        var error = Assert.ThrowsExactly<AnnotationException>(() => task.ItemAs<int>());

        StringAssert.Contains(error.Message, $"The item of task '{task.TaskId}' does not read as Int32");
    }
}
