using MlValue.Evaluation;
using MlValue.Registry;

namespace MlValue.Tests.Registry;

[TestClass]
public sealed class AliasHistoryDecisionTests : RegistryTestsBase
{
    [TestMethod]
    public async Task AliasHistory_ReasonsAsSummaryAndAsOldJson_ShowsOneLineSummaries()
    {
        var decision = Decision();
        await Fixture.RegisterAsync("spam-filter", "1");
        await Fixture.RegisterAsync("spam-filter", "2");
        await Fixture.Registry.SetAliasAsync("spam-filter", "champion", 1, null, decision.ToJson());
        await Fixture.Registry.SetAliasAsync("spam-filter", "champion", 2, 1, decision.ToSummary());

        var markdown = RegistryMarkdown.AliasHistory("spam-filter", "champion", await Fixture.Registry.GetAliasHistoryAsync("spam-filter", "champion"));

        var rows = markdown.Split('\n').Where(l => l.StartsWith("| 1 ", StringComparison.Ordinal) || l.StartsWith("| 2 ", StringComparison.Ordinal)).ToArray();
        Assert.HasCount(2, rows);
        Assert.IsTrue(rows.All(r => r.EndsWith("| PROMOTE 'v2': auc 0.9500 vs champion 0.9100: improvement +0.0400, needs at least +0.0100 (1 passed, 0 failed, 1 skipped) |", StringComparison.Ordinal)), markdown);
        Assert.DoesNotContain("{", markdown);
    }

    [TestMethod]
    public async Task AliasHistory_ReasonIsOtherJson_ShownAsWritten()
    {
        await Fixture.RegisterAsync("spam-filter", "1");
        await Fixture.Registry.SetAliasAsync("spam-filter", "champion", 1, null, "{\"note\": \"manual\"}");

        var markdown = RegistryMarkdown.AliasHistory("spam-filter", "champion", await Fixture.Registry.GetAliasHistoryAsync("spam-filter", "champion"));

        StringAssert.Contains(markdown, "{\"note\": \"manual\"}");
    }

    private static PromotionDecision Decision() => new()
    {
        Challenger = "v2",
        Champion = "v1",
        HoldoutCount = 100,
        DecidedAt = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero),
        Promote = true,
        Reason = "Promote 'v2': 1 checks passed, 1 skipped.",
        Checks =
        [
            new PolicyCheck { Kind = CheckKind.ImprovementOverChampion, Metric = "auc", Challenger = 0.95, Champion = 0.91, Margin = 0.01, Outcome = CheckOutcome.Passed, Detail = "auc 0.9500 vs champion 0.9100: improvement +0.0400, needs at least +0.0100" },
            new PolicyCheck { Kind = CheckKind.SliceRegression, Metric = "auc", Segment = "year", Slice = "2001", Outcome = CheckOutcome.Skipped, Detail = "slice year=2001 has 6 rows, fewer than the 30 needed to trust it; ignored", SkipReason = "slices smaller than 30 rows" },
        ],
    };
}
