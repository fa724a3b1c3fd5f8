using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using MlValue.Annotation;
using MlValue.Tests.Support;

namespace MlValue.Tests.Annotation;

[TestClass]
public sealed class AnnotationReportTests
{
    private string _root = string.Empty;

    [TestInitialize]
    public void Setup() => _root = Path.Combine(Path.GetTempPath(), "mlvalue-annotation-report-" + Guid.NewGuid().ToString("N"));

    [TestCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [TestMethod]
    public async Task ToMarkdown_SpamRulesAndTwoHumans_SnapshotWithAgreement()
    {
        // Rules pre-label everything; hard ham and the first spam group go to two people.
        var messages = SpamFixture.All;
        var rules = SpamRules.Annotator();
        var ruleLabels = await rules.AnnotateAsync(messages);
        var queue = new AnnotationTaskQueue(Path.Combine(_root, "queue"), new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.Zero)));
        var toHumans = messages.Where(m => m.Group is "hard-ham-1" or "spam-1").ToList();
        await queue.ExportAsync(toHumans, SpamRules.Key, ruleLabels, Path.Combine(_root, "tasks.jsonl"));

        // Simulated answer file: alice answers all, missing every 7th; bob answers every other, missing every 5th; one bad line.
        var lines = new List<string>();
        for (var i = 0; i < toHumans.Count; i++)
        {
            var m = toHumans[i];
            lines.Add(AnswerLine(m, "alice", i % 7 == 3 ? Flip(m.Label) : m.Label));
            if (i % 2 == 0)
            {
                lines.Add(AnswerLine(m, "bob", i % 5 == 0 ? Flip(m.Label) : m.Label));
            }
        }

        lines.Insert(10, "{\"taskId\": \"truncated");
        var answers = Path.Combine(_root, "answers.jsonl");
        await File.WriteAllLinesAsync(answers, lines);
        var import = await queue.ImportAnswersAsync<string>(answers);

        var alice = await queue.AsAnnotator<SpamMessage, string>("alice", SpamRules.Key).AnnotateAsync(messages);
        var bob = await queue.AsAnnotator<SpamMessage, string>("bob", SpamRules.Key).AnnotateAsync(messages);
        var all = ruleLabels.Concat(alice).Concat(bob).ToList();
        var gold = messages.Where(m => m.Group == "spam-1").ToDictionary(SpamRules.Key, m => m.Label);
        var aggregated = LabelAggregator.WeightedVote(all, LabelAggregator.WeightsFromGold(all, gold));

        Assert.AreEqual(11, import.Malformed.Single().LineNumber);
        var truth = messages.ToDictionary(SpamRules.Key, m => m.Label);
        var decided = aggregated.Where(a => !a.IsAbstain).ToList();
        Assert.IsTrue(decided.Count(a => a.Label == truth[a.ItemId]) > 0.85 * decided.Count);
        var text = AnnotationReport.ToMarkdown(all, aggregated, 8)
            + string.Create(CultureInfo.InvariantCulture, $"\nImport: {import.Added} answers added, malformed: {string.Join("; ", import.Malformed)}\n");
        Snapshot.Verify(text);
    }

    [TestMethod]
    public void ToMarkdown_NegativeMaxConflicts_Throws()
        => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => AnnotationReport.ToMarkdown<string>([], [], -1));

    private static string Flip(string label) => label == "spam" ? "ham" : "spam";

    private static string AnswerLine(SpamMessage m, string annotator, string label)
        => $$"""{"taskId":"{{AnnotationTaskQueue.TaskIdFor(SpamRules.Key(m))}}","annotatorId":"{{annotator}}","label":"{{label}}"}""";
}
