namespace MlValue.Training;

/// <summary>A progress report of a training, sent through <see cref="IProgress{T}"/>.</summary>
/// <param name="Stage">The stage that starts (or, while validating, goes on).</param>
/// <param name="RowsRead">Rows read so far in the validation pass; 0 before it starts.</param>
/// <param name="Message">A short human-readable note (never feature values or labels).</param>
public sealed record TrainingProgress(TrainingStage Stage, long RowsRead, string Message);
