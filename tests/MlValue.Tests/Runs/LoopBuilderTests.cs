using MlValue.Runs;

namespace MlValue.Tests.Runs;

[TestClass]
public sealed class LoopBuilderTests
{
    private static ValueTask<StepResult> Nothing(StepContext context, CancellationToken token) => ValueTask.FromResult(StepResult.Empty);

    [TestMethod]
    [DataRow("")]
    [DataRow("../escape")]
    [DataRow("has space")]
    [DataRow("-leading")]
    [DataRow("abc\n")]
    [DataRow("a\u200Bb")]
    public void Constructor_InvalidName_ThrowsNamingTheRule(string name)
    {
        var error = Assert.ThrowsExactly<LoopDefinitionException>(() => new LoopBuilder(name));
        StringAssert.Contains(error.Message, "use 1 to 64 letters, digits");
    }

    [TestMethod]
    public void AddStep_DuplicateName_Throws()
    {
        var builder = new LoopBuilder("spam").AddStep("train", Nothing);

        var error = Assert.ThrowsExactly<LoopDefinitionException>(() => builder.AddStep("train", Nothing));
        StringAssert.Contains(error.Message, "already has a step named 'train'");
    }

    [TestMethod]
    public void Build_NoStep_Throws()
    {
        Assert.ThrowsExactly<LoopDefinitionException>(() => new LoopBuilder("empty").Build());
    }

    [TestMethod]
    public void AddStep_NegativeRetries_ThrowsNamingLoopAndStep()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new LoopBuilder("spam").AddStep("train", Nothing, r => r.MaxRetryAttempts = -1));
        StringAssert.Contains(error.Message, "Loop 'spam', step 'train': MaxRetryAttempts");
    }

    [TestMethod]
    public void StepResultWith_DuplicateKey_Throws()
    {
        Assert.ThrowsExactly<ArgumentException>(() => StepResult.With(("a", "1"), ("a", "2")));
    }
}
