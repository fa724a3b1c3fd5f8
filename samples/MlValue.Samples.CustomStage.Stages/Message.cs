namespace MlValue.Samples.CustomStage;

/// <summary>A message: the input of the annotator, the trainer and the model.</summary>
public sealed class Message
{
    /// <summary>The id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The text.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>The label (set by the annotator before training).</summary>
    public bool IsSpam { get; set; }
}
