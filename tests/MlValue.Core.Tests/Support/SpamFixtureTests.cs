namespace MlValue.Tests.Support;

[TestClass]
public sealed class SpamFixtureTests
{
    [TestMethod]
    public void All_LoadsEveryMessageOfTheFixture_WithBothLabels()
    {
        Assert.AreEqual(279, SpamFixture.All.Count);
        Assert.IsTrue(SpamFixture.All.Any(m => m.IsSpam));
        Assert.IsTrue(SpamFixture.All.Any(m => !m.IsSpam));
    }
}
