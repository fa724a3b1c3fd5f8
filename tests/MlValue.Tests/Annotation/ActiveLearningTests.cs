using MlValue.Annotation;
using MlValue.Tests.Support;

namespace MlValue.Tests.Annotation;

[TestClass]
public sealed class ActiveLearningTests
{
    private static readonly (string Id, double[] P)[] Items =
    [
        ("a", [0.9, 0.05, 0.05]), ("b", [0.5, 0.45, 0.05]), ("c", [0.4, 0.3, 0.3]), ("d", [0.34, 0.33, 0.33]), ("e", [0.5, 0.45, 0.05]),
    ];

    [TestMethod]
    [DataRow(UncertaintyStrategy.LeastConfidence, "d c b")]
    [DataRow(UncertaintyStrategy.Entropy, "d c b")]
    [DataRow(UncertaintyStrategy.Margin, "d b e")]
    public void Select_ByStrategy_PicksMostUncertainWithinBudget(UncertaintyStrategy strategy, string expected)
    {
        var picked = ActiveLearning.Select(Items, x => x.Id, x => x.P, 3, strategy);

        Assert.AreEqual(expected, string.Join(' ', picked.Select(p => p.ItemId)));
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, picked.Select(p => p.Rank).ToArray());
    }

    [TestMethod]
    public void Select_EqualScores_TieBrokenByItemId()
    {
        var reversed = Items.Reverse().ToArray();

        var picked = ActiveLearning.Select(reversed, x => x.Id, x => x.P, 5, UncertaintyStrategy.Margin);

        Assert.AreEqual("d b e c a", string.Join(' ', picked.Select(p => p.ItemId)));
    }

    [TestMethod]
    public void SelectBinary_SpamFixture_PicksClosestToHalf()
    {
        var picked = ActiveLearning.SelectBinary(SpamFixture.All, SpamRules.Key, SpamRules.SpamProbability, 10, UncertaintyStrategy.LeastConfidence);

        Assert.AreEqual(10, picked.Count);
        Assert.IsTrue(picked.All(p => Math.Abs(SpamRules.SpamProbability(p.Item) - 0.5) < 1e-12));
        CollectionAssert.AreEqual(picked.Select(p => p.ItemId).Order(StringComparer.Ordinal).ToArray(), picked.Select(p => p.ItemId).ToArray());
    }

    [TestMethod]
    public void Select_ZeroBudget_PicksNothing()
        => Assert.AreEqual(0, ActiveLearning.Select(Items, x => x.Id, x => x.P, 0, UncertaintyStrategy.Entropy).Count);

    [TestMethod]
    public void Select_NegativeBudget_Throws()
        => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ActiveLearning.Select(Items, x => x.Id, x => x.P, -1, UncertaintyStrategy.Entropy));

    [TestMethod]
    [DataRow(new[] { 0.7, 0.7 }, "sum")]
    [DataRow(new[] { 1.0 }, "at least two")]
    [DataRow(new[] { 1.2, -0.2 }, "[0, 1]")]
    public void Select_BadProbabilities_ThrowsNamingItem(double[] p, string expected)
    {
        var error = Assert.ThrowsExactly<AnnotationException>(() => ActiveLearning.Select([("bad", p)], x => x.Item1, x => x.p, 1, UncertaintyStrategy.Margin));
        StringAssert.Contains(error.Message, "'bad'");
        StringAssert.Contains(error.Message, expected);
    }
}
