using MlValue.Annotation;

namespace MlValue.Tests.Annotation;

[TestClass]
public sealed class AnnotationTests
{
    [TestMethod]
    public void Of_ValidLabel_CarriesAnnotatorAndConfidence()
    {
        var a = Annotations.Of("m1", "alice", "spam", 0.75);

        Assert.IsFalse(a.IsAbstain);
        Assert.AreEqual("spam", a.Label);
        Assert.AreEqual("alice", a.AnnotatorId);
        Assert.AreEqual(0.75, a.Confidence);
        Assert.AreEqual("m1: spam (0.75) by alice", a.ToString());
    }

    [TestMethod]
    public void Abstain_IsFirstClass_NotNull()
    {
        var a = Annotations.Abstain<string>("m1", "rules");

        Assert.IsTrue(a.IsAbstain);
        Assert.AreEqual("(abstain)", a.LabelText);
        Assert.AreEqual(0, a.Confidence);
        Assert.AreEqual("m1: abstain by rules", a.ToString());
    }

    [TestMethod]
    [DataRow(-0.1)]
    [DataRow(1.01)]
    [DataRow(double.NaN)]
    public void Of_ConfidenceOutsideUnitInterval_ThrowsNamingItem(double confidence)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Annotations.Of("m7", "alice", "spam", confidence));
        StringAssert.Contains(error.Message, "'m7'");
    }

    [TestMethod]
    public void Of_NullLabel_ThrowsPointingToAbstain()
    {
        var error = Assert.ThrowsExactly<ArgumentNullException>(() => Annotations.Of<string>("m1", "alice", null!, 1));
        StringAssert.Contains(error.Message, "Annotations.Abstain");
    }

    [TestMethod]
    public void Of_EmptyIds_Throw()
    {
        Assert.ThrowsExactly<ArgumentException>(() => Annotations.Of(" ", "alice", "spam", 1));
        Assert.ThrowsExactly<ArgumentException>(() => Annotations.Abstain<string>("m1", ""));
    }
}
