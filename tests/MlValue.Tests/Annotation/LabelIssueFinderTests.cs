using MlValue.Annotation;
using MlValue.Tests.Support;

namespace MlValue.Tests.Annotation;

[TestClass]
public sealed class LabelIssueFinderTests
{
    private static readonly string[] Classes = ["cat", "dog", "fox"];

    private sealed record Row(string Id, string Given, double[] P);

    /// <summary>60 items, 20 per class, predicted confidently (0.70–0.89) as their true class; 5 have flipped given labels (predicted at 0.90–0.95).</summary>
    private static List<Row> Constructed(out Dictionary<string, string> flipped)
    {
        var rows = new List<Row>();
        flipped = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 60; i++)
        {
            var truth = i % 3;
            var top = i % 12 == 5 ? 0.90 + (i / 1000.0) : 0.70 + (i % 20) / 100.0;
            var p = new double[3];
            for (var j = 0; j < 3; j++)
            {
                p[j] = j == truth ? top : (1 - top) / 2;
            }

            var id = $"item-{i:00}";
            var given = Classes[truth];
            if (i % 12 == 5)
            {
                given = Classes[(truth + 1) % 3];
                flipped[id] = Classes[truth];
            }

            rows.Add(new Row(id, given, p));
        }

        return rows;
    }

    [TestMethod]
    public void Find_ConstructedFlips_FlagsExactlyTheFlippedWithTrueLabelSuggested()
    {
        var rows = Constructed(out var flipped);

        var result = LabelIssueFinder.Find(rows, r => r.Id, r => r.Given, r => r.P, Classes);

        CollectionAssert.AreEquivalent(flipped.Keys.ToArray(), result.Issues.Select(i => i.ItemId).ToArray());
        Assert.IsTrue(result.Issues.All(i => i.SuggestedLabel == flipped[i.ItemId]));
        CollectionAssert.AreEqual(result.Issues.OrderBy(i => i.SelfConfidence).Select(i => i.ItemId).ToArray(), result.Issues.Select(i => i.ItemId).ToArray());
        Snapshot.Verify(result.ToMarkdown(10));
    }

    [TestMethod]
    public void Find_SpamFixtureWithRuleProbabilities_SnapshotListsHardHamSuspects()
    {
        var result = LabelIssueFinder.Find(SpamFixture.All, SpamRules.Key, m => m.Label, m => [1 - SpamRules.SpamProbability(m), SpamRules.SpamProbability(m)], ["ham", "spam"]);
        var groups = SpamFixture.All.ToDictionary(SpamRules.Key, m => m.Group);
        var hardHam = result.Issues.Where(i => groups[i.ItemId] == "hard-ham-1").ToList();

        Assert.IsTrue(hardHam.Count > 0);
        Assert.IsTrue(hardHam.All(i => i.GivenLabel == "ham" && i.SuggestedLabel == "spam"));
        Snapshot.Verify(result.ToMarkdown(15) + $"\nHard-ham items flagged: {hardHam.Count} of {groups.Values.Count(g => g == "hard-ham-1")}.\n");
    }

    [TestMethod]
    public void Find_GivenLabelNotAClass_ThrowsNamingItemAndClasses()
    {
        var error = Assert.ThrowsExactly<AnnotationException>(() => LabelIssueFinder.Find([new Row("x", "cow", [0.2, 0.3, 0.5])], r => r.Id, r => r.Given, r => r.P, Classes));
        StringAssert.Contains(error.Message, "'x'");
        StringAssert.Contains(error.Message, "cat, dog, fox");
    }

    [TestMethod]
    public void Find_WrongProbabilityCount_Throws()
    {
        var error = Assert.ThrowsExactly<AnnotationException>(() => LabelIssueFinder.Find([new Row("x", "cat", [0.5, 0.5])], r => r.Id, r => r.Given, r => r.P, Classes));
        StringAssert.Contains(error.Message, "3 classes");
    }

    [TestMethod]
    public void Find_DuplicateClass_Throws()
        => Assert.ThrowsExactly<AnnotationException>(() => LabelIssueFinder.Find([new Row("x", "cat", [0.5, 0.5])], r => r.Id, r => r.Given, r => r.P, ["cat", "cat"]));

    [TestMethod]
    public void Find_ClassWithNoItems_ThresholdNaNAndNeverSuggested()
    {
        Row[] rows = [new("a", "cat", [0.2, 0.1, 0.7]), new("b", "cat", [0.9, 0.05, 0.05])];

        var result = LabelIssueFinder.Find(rows, r => r.Id, r => r.Given, r => r.P, Classes);

        Assert.IsTrue(double.IsNaN(result.Thresholds[2]));
        Assert.AreEqual(0, result.Issues.Count);
    }
}
