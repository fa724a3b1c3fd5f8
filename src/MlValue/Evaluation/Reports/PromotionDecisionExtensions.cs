namespace MlValue.Evaluation;

/// <summary>Renders promotion decisions.</summary>
public static class PromotionDecisionExtensions
{
    /// <summary>Renders the decision as Markdown: verdict, reason and a table of every check.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The Markdown text.</returns>
    public static string ToMarkdown(this PromotionDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return Reports.DecisionMarkdown.Render(decision);
    }
}
