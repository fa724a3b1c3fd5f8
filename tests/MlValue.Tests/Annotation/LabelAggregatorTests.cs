using MlValue.Annotation;

namespace MlValue.Tests.Annotation;

[TestClass]
public sealed class LabelAggregatorTests
{
    private static readonly Annotation<string>[] Votes =
    [
        Annotations.Of("x", "a", "spam", 1), Annotations.Of("x", "b", "spam", 1), Annotations.Of("x", "c", "ham", 1),
        Annotations.Of("y", "a", "spam", 0.6), Annotations.Of("y", "b", "ham", 0.9), Annotations.Abstain<string>("y", "c"),
        Annotations.Abstain<string>("z", "a"), Annotations.Abstain<string>("z", "b"),
    ];

    [TestMethod]
    public void MajorityVote_TieAbstainsByDefault_AndKeepsVotes()
    {
        var result = LabelAggregator.MajorityVote(Votes);

        Assert.AreEqual("x:spam:0.667 y:(abstain):0 z:(abstain):0", Render(result));
        Assert.IsTrue(result[1].IsTie && result[1].IsConflict);
        Assert.AreEqual(3, result[1].Votes.Count);
        Assert.IsFalse(result[2].IsConflict);
    }

    [TestMethod]
    public void MajorityVote_TieBreakHighestConfidence_PicksSurerLabel()
        => Assert.AreEqual("x:spam:0.667 y:ham:0.5 z:(abstain):0", Render(LabelAggregator.MajorityVote(Votes, TieBreak.HighestConfidence)));

    [TestMethod]
    public void WeightedVote_GivenWeights_TrustedAnnotatorOutvotesTwo()
    {
        var weights = new Dictionary<string, double> { ["a"] = 0.5, ["b"] = 0.5, ["c"] = 2 };

        Assert.AreEqual("x:ham:0.667 y:(abstain):0 z:(abstain):0", Render(LabelAggregator.WeightedVote(Votes, weights)));
    }

    [TestMethod]
    public void WeightsFromGold_AccurateAnnotatorWeighsMore_ChanceLevelGetsZero()
    {
        var gold = new Dictionary<string, string> { ["g1"] = "spam", ["g2"] = "ham", ["g3"] = "spam", ["g4"] = "ham" };
        var annotations = gold.SelectMany(g => new[]
        {
            Annotations.Of(g.Key, "good", g.Value, 1),
            Annotations.Of(g.Key, "coin", g.Key is "g1" or "g2" ? g.Value : Flip(g.Value), 1),
        }).Append(Annotations.Of("g1", "new", "spam", 1)).ToList();

        var weights = LabelAggregator.WeightsFromGold(annotations, gold);

        Assert.AreEqual(Math.Log(5.0 / 6 / (1.0 / 6)), weights["good"], 1e-12);
        Assert.AreEqual(0, weights["coin"]);
        Assert.AreEqual(Math.Log(2.0 / 3 / (1.0 / 3)), weights["new"], 1e-12);
    }

    [TestMethod]
    public void WeightedVote_MissingWeight_ThrowsNamingAnnotator()
    {
        var error = Assert.ThrowsExactly<AnnotationException>(() => LabelAggregator.WeightedVote(Votes, new Dictionary<string, double> { ["a"] = 1 }));
        StringAssert.Contains(error.Message, "'b'");
    }

    [TestMethod]
    public void WeightedVote_NegativeWeight_Throws()
        => Assert.ThrowsExactly<AnnotationException>(() => LabelAggregator.WeightedVote(Votes, new Dictionary<string, double> { ["a"] = -1, ["b"] = 1, ["c"] = 1 }));

    [TestMethod]
    public void MajorityVote_TwoVotesBySameAnnotator_ThrowsNamingBoth()
    {
        var error = Assert.ThrowsExactly<AnnotationException>(() => LabelAggregator.MajorityVote([Annotations.Of("x", "a", "spam", 1), Annotations.Of("x", "a", "ham", 1)]));
        StringAssert.Contains(error.Message, "'a'");
        StringAssert.Contains(error.Message, "'x'");
    }

    private static string Flip(string label) => label == "spam" ? "ham" : "spam";

    private static string Render(IEnumerable<AggregatedLabel<string>> labels)
        => string.Join(' ', labels.Select(l => $"{l.ItemId}:{l.LabelText}:{Math.Round(l.Confidence, 3)}"));
}
