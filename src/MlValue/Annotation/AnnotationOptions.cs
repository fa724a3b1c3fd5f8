namespace MlValue.Annotation;

/// <summary>Options of the annotate stage, bound from <c>MlValue:Annotation</c>.</summary>
public class AnnotationOptions
{
    /// <summary>
    /// The folder of the human task queue. Default: <see langword="null"/>, meaning
    /// <c>&lt;MlValue:RootDirectory&gt;/annotation</c>. A relative path is taken from the current directory.
    /// </summary>
    public string? RootDirectory { get; set; }

    /// <summary>
    /// The least model confidence, in [0, 1], at which a model-assisted annotator gives a
    /// pre-label instead of abstaining. Default: <c>0.8</c> (a probability, no unit).
    /// </summary>
    public double ModelConfidenceThreshold { get; set; } = 0.8;

    /// <summary>What label aggregation does on a tie. Default: <see cref="TieBreak.Abstain"/>.</summary>
    public TieBreak TieBreak { get; set; } = TieBreak.Abstain;
}
