using MlValue.Annotation;
using MlValue.Tests.Support;

namespace MlValue.Tests.Annotation;

[TestClass]
public sealed class RuleAnnotatorTests
{
    private sealed record Item(string Id, string Text);

    private static readonly LabelingFunction<Item, string> SaysSpam = LabelingFunction.When<Item, string>("says_spam", i => i.Text.Contains("buy", StringComparison.Ordinal), "spam");
    private static readonly LabelingFunction<Item, string> SaysHam = LabelingFunction.When<Item, string>("says_ham", i => i.Text.Contains("meeting", StringComparison.Ordinal), "ham", 0.5);
    private static readonly LabelingFunction<Item, string> AlsoSpam = LabelingFunction.When<Item, string>("also_spam", i => i.Text.Contains("now", StringComparison.Ordinal), "spam");

    [TestMethod]
    public async Task AnnotateAsync_MajorityOfFiringRules_LabelsOrAbstains()
    {
        var rules = new RuleAnnotator<Item, string>("rules", i => i.Id, [SaysSpam, SaysHam, AlsoSpam]);
        Item[] items = [new("a", "buy now"), new("b", "meeting"), new("c", "hello"), new("d", "buy meeting"), new("e", "buy now meeting")];

        var result = await rules.AnnotateAsync(items);

        Assert.AreEqual("a:spam:1 b:ham:1 c:(abstain):0 d:(abstain):0 e:spam:0.667",
            string.Join(' ', result.Select(r => $"{r.ItemId}:{r.LabelText}:{Math.Round(r.Confidence, 3)}")));
        Assert.IsTrue(result.All(r => r.AnnotatorId == "rules"));
    }

    [TestMethod]
    public void ApplyEach_GivesLabelMatrixWithRuleNamesAsAnnotators()
    {
        var rules = new RuleAnnotator<Item, string>("rules", i => i.Id, [SaysSpam, SaysHam]);

        var votes = rules.ApplyEach([new Item("a", "buy"), new Item("b", "x")]);

        CollectionAssert.AreEqual(new[] { "a/says_spam/spam", "a/says_ham/(abstain)", "b/says_spam/(abstain)", "b/says_ham/(abstain)" },
            votes.Select(v => $"{v.ItemId}/{v.AnnotatorId}/{v.LabelText}").ToArray());
    }

    [TestMethod]
    public void Analyze_SmallMatrix_MatchesSnorkelDefinitions()
    {
        var rules = new RuleAnnotator<Item, string>("rules", i => i.Id, [SaysSpam, SaysHam, AlsoSpam]);
        Item[] items = [new("a", "buy now"), new("b", "meeting"), new("c", "hello"), new("d", "buy meeting")];

        var analysis = rules.Analyze(items, i => i.Id == "d" ? "spam" : null);

        var spam = analysis.Functions[0];
        Assert.AreEqual(0.5, spam.Coverage);
        Assert.AreEqual(0.5, spam.Overlaps);
        Assert.AreEqual(0.25, spam.Conflicts);
        Assert.AreEqual(1, spam.Correct);
        Assert.AreEqual(0, analysis.Functions[1].Correct);
        Assert.AreEqual(1, analysis.Functions[1].Incorrect);
        Assert.IsNull(analysis.Functions[2].EmpiricalAccuracy);
        Assert.AreEqual(0.75, analysis.TotalCoverage);
    }

    [TestMethod]
    public void Analyze_SpamFixture_SnapshotOfLabelingFunctions()
    {
        var analysis = SpamRules.Annotator().Analyze(SpamFixture.All, m => m.Label);

        Snapshot.Verify(analysis.ToMarkdown());
    }

    [TestMethod]
    public void Constructor_DuplicateRuleNames_ThrowsNamingRule()
    {
        var error = Assert.ThrowsExactly<AnnotationException>(() => new RuleAnnotator<Item, string>("rules", i => i.Id, [SaysSpam, SaysSpam]));
        StringAssert.Contains(error.Message, "'says_spam'");
    }

    [TestMethod]
    public void Constructor_NoRules_Throws()
        => Assert.ThrowsExactly<AnnotationException>(() => new RuleAnnotator<Item, string>("rules", i => i.Id, []));

    [TestMethod]
    public async Task AnnotateAsync_RuleThrows_ThrowsNamingRuleAndItem()
    {
        var broken = new LabelingFunction<Item, string>("broken", i => i.Text.Length > 3 ? throw new InvalidOperationException("boom") : RuleVote.Abstain<string>());
        var rules = new RuleAnnotator<Item, string>("rules", i => i.Id, [broken]);

        var error = await Assert.ThrowsExactlyAsync<AnnotationException>(() => rules.AnnotateAsync([new Item("ok", "x"), new Item("bad", "long text")]));
        StringAssert.Contains(error.Message, "'broken'");
        StringAssert.Contains(error.Message, "'bad'");
    }

    [TestMethod]
    public async Task AnnotateAsync_DuplicateItemIds_ThrowsNamingId()
    {
        var rules = new RuleAnnotator<Item, string>("rules", i => i.Id, [SaysSpam]);

        var error = await Assert.ThrowsExactlyAsync<AnnotationException>(() => rules.AnnotateAsync([new Item("a", "x"), new Item("a", "y")]));
        StringAssert.Contains(error.Message, "'a'");
    }

    [TestMethod]
    public void RuleVoteFor_BadConfidence_Throws()
        => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => RuleVote.For("spam", 2));
}
