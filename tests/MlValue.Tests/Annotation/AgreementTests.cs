using MlValue.Annotation;

namespace MlValue.Tests.Annotation;

[TestClass]
public sealed class AgreementTests
{
    /// <summary>The worked example of Fleiss' kappa on Wikipedia (10 subjects, 14 raters, 5 categories): κ ≈ 0.210.</summary>
    private static readonly int[,] WikipediaFleiss =
    {
        { 0, 0, 0, 0, 14 }, { 0, 2, 6, 4, 2 }, { 0, 0, 3, 5, 6 }, { 0, 3, 9, 2, 0 }, { 2, 2, 8, 1, 1 },
        { 7, 7, 0, 0, 0 }, { 3, 2, 6, 3, 0 }, { 2, 5, 3, 2, 2 }, { 6, 5, 2, 1, 0 }, { 0, 2, 2, 3, 7 },
    };

    [TestMethod]
    public void FleissKappa_WikipediaWorkedExample_Is0210()
    {
        var k = Agreement.FleissKappa(WikipediaFleiss);

        Assert.AreEqual(0.210, k.Kappa, 0.0005);
        Assert.AreEqual(0.378, k.ObservedAgreement, 0.0005);
        Assert.AreEqual(0.213, k.ExpectedAgreement, 0.0005);
        Assert.AreEqual(10, k.Items);
    }

    [TestMethod]
    public void FleissKappa_FromAnnotations_EqualsTableVersion()
    {
        var annotations = new List<Annotation<int>>();
        for (var i = 0; i < 10; i++)
        {
            var rater = 0;
            for (var j = 0; j < 5; j++)
            {
                for (var n = 0; n < WikipediaFleiss[i, j]; n++)
                {
                    annotations.Add(Annotations.Of($"s{i}", $"r{rater++}", j + 1, 1));
                }
            }
        }

        annotations.Add(Annotations.Abstain<int>("s0", "late-rater"));
        annotations.Add(Annotations.Of("lonely", "r0", 3, 1));

        Assert.AreEqual(0.210, Agreement.FleissKappa(annotations).Kappa, 0.0005);
        Assert.AreEqual(10, Agreement.FleissKappa(annotations).Items);
    }

    /// <summary>The worked example of Cohen's kappa on Wikipedia: 50 proposals, yes/yes 20, yes/no 5, no/yes 10, no/no 15: κ = 0.4.</summary>
    [TestMethod]
    public void CohensKappa_WikipediaWorkedExample_Is04()
    {
        var (a, b) = Pairs(("yes", "yes", 20), ("yes", "no", 5), ("no", "yes", 10), ("no", "no", 15));

        var k = Agreement.CohensKappa(a, b);

        Assert.AreEqual(0.4, k.Kappa, 1e-12);
        Assert.AreEqual(0.7, k.ObservedAgreement, 1e-12);
        Assert.AreEqual(0.5, k.ExpectedAgreement, 1e-12);
        Assert.AreEqual("0.400", k.ToString());
    }

    [TestMethod]
    public void CohensKappa_AbstainsLeftOut_OnlyItemsBothLabelled()
    {
        var (a, b) = Pairs(("yes", "yes", 20), ("yes", "no", 5), ("no", "yes", 10), ("no", "no", 15));
        a.Add(Annotations.Abstain<string>("extra1", "A"));
        b.Add(Annotations.Of("extra1", "B", "yes", 1));
        b.Add(Annotations.Of("extra2", "B", "no", 1));

        var k = Agreement.CohensKappa(a, b);

        Assert.AreEqual(50, k.Items);
        Assert.AreEqual(0.4, k.Kappa, 1e-12);
    }

    [TestMethod]
    public void Kappa_NoOverlapOrOneLabelOnly_IsNaNShownAsNa()
    {
        Assert.IsTrue(double.IsNaN(Agreement.CohensKappa([Annotations.Of("1", "A", "x", 1)], [Annotations.Of("2", "B", "x", 1)]).Kappa));
        var same = Agreement.CohensKappa([Annotations.Of("1", "A", "x", 1)], [Annotations.Of("1", "B", "x", 1)]);
        Assert.AreEqual("n/a", same.ToString());
    }

    [TestMethod]
    public void FleissKappa_NegativeCount_ThrowsNamingCell()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Agreement.FleissKappa(new[,] { { 1, -1 } }));
        StringAssert.Contains(error.Message, "subject 0, category 1");
    }

    [TestMethod]
    public void CohensKappa_TwoLabelsForOneItem_Throws()
        => Assert.ThrowsExactly<AnnotationException>(() => Agreement.CohensKappa([Annotations.Of("1", "A", "x", 1), Annotations.Of("1", "A", "y", 1)], [Annotations.Of("1", "B", "x", 1)]));

    private static (List<Annotation<string>> A, List<Annotation<string>> B) Pairs(params (string A, string B, int Count)[] cells)
    {
        var a = new List<Annotation<string>>();
        var b = new List<Annotation<string>>();
        var id = 0;
        foreach (var (la, lb, count) in cells)
        {
            for (var n = 0; n < count; n++, id++)
            {
                a.Add(Annotations.Of($"p{id}", "A", la, 1));
                b.Add(Annotations.Of($"p{id}", "B", lb, 1));
            }
        }

        return (a, b);
    }
}
