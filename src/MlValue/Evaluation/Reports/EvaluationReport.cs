using MlValue.Internal;

namespace MlValue.Evaluation;

/// <summary>Renders evaluations as Markdown and as one self-contained HTML file with inline SVG charts.</summary>
public static class EvaluationReport
{
    /// <summary>Renders an evaluation as Markdown: metrics, per class, slices, confusion matrix, calibration, worst errors.</summary>
    /// <param name="result">The evaluation.</param>
    /// <returns>The Markdown text (invariant culture, fixed decimals).</returns>
    public static string ToMarkdown(EvaluationResult result) => Reports.MarkdownReport.Render(Guard.NotNull(result));

    /// <summary>
    /// Renders an evaluation, and optionally the promotion decision, as one self-contained HTML
    /// file: inline CSS and SVG charts (ROC, calibration, slice bars, confusion heat map), no
    /// script and no external resource; all user text is HTML-encoded. Its size is bounded
    /// whatever the holdout size (the only rows shown are the worst errors).
    /// </summary>
    /// <param name="result">The evaluation.</param>
    /// <param name="decision">The promotion decision to include, or <see langword="null"/>.</param>
    /// <returns>The HTML text.</returns>
    public static string ToHtml(EvaluationResult result, PromotionDecision? decision) => Reports.HtmlReport.Render(Guard.NotNull(result), decision);
}
