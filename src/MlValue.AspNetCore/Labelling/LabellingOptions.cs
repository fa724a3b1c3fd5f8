namespace MlValue.AspNetCore;

/// <summary>
/// Settings of the labelling page mapped by <c>MapLabellingPage</c>, bound from <c>MlValue:Labelling</c> and validated at
/// start-up.
/// </summary>
public sealed class LabellingOptions
{
    /// <summary>The page title. Default: <c>Labelling</c>.</summary>
    public string Title { get; set; } = "Labelling";

    /// <summary>
    /// The authorization policy a user must satisfy to see the queue and answer (required: a queue's items are never
    /// shown to anyone the host has not allowed). The signed-in user's name is the annotator id of their answers.
    /// </summary>
    public string? Policy { get; set; }

    /// <summary>How many people answer each task before it leaves the queue (the aggregation then decides the label). Default: 1.</summary>
    public int AnswersPerTask { get; set; } = 1;

    /// <summary>Text fields longer than this many characters are folded, showing the start until opened. Default: 600.</summary>
    public int FoldAfter { get; set; } = 600;
}
