using Microsoft.Extensions.Time.Testing;
using MlValue.Registry;
using MlValue.Testing;
using MlValue.Training;

namespace MlValue.Tests.Registry;

/// <summary>A decorator built on <see cref="DelegatingModelRegistry"/> changes what it overrides and forwards the rest.</summary>
[TestClass]
public sealed class DelegatingModelRegistryTests
{
    [TestMethod]
    public async Task SetAliasAsync_ThroughAnApprovalGate_RefusesUnapprovedMovesAndForwardsTheRest()
    {
        var inner = new InMemoryModelRegistry(new FakeTimeProvider());
        var gated = new ApprovalGate(inner);
        var version = await gated.RegisterAsync(new ModelRegistration
        {
            ModelName = "spam",
            Artifact = new ModelArtifact("test-bytes", "bytes"u8.ToArray()),
            TrainerName = "sdca-logistic",
            TrainingDatasetIds = ["ds-train"],
        });

        var refused = await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => gated.SetAliasAsync("spam", "champion", version.Version, null, "no approval"));
        var moved = await gated.SetAliasAsync("spam", "champion", version.Version, null, "approved: reviewed by the team");

        StringAssert.Contains(refused.Message, "approved:");
        Assert.AreEqual(1, moved.ToVersion);
        Assert.AreEqual(1, (await inner.GetByAliasAsync("spam", "champion"))!.Version);
        Assert.AreEqual("bytes", System.Text.Encoding.UTF8.GetString((await gated.LoadArtifactAsync("spam", 1)).Content.Span));
    }

    private sealed class ApprovalGate(IModelRegistry inner) : DelegatingModelRegistry(inner)
    {
        public override Task<AliasMove> SetAliasAsync(string modelName, string alias, int version, int? expectedCurrentVersion, string reason, CancellationToken cancellationToken = default)
            => reason.StartsWith("approved:", StringComparison.Ordinal)
                ? base.SetAliasAsync(modelName, alias, version, expectedCurrentVersion, reason, cancellationToken)
                : throw new InvalidOperationException("Alias moves need a reason that starts with 'approved:'.");
    }
}
