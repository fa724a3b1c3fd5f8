namespace MlValue.Training;

/// <summary>
/// Trains a model from a training set. The seam of the training stage: ML.NET presets, any ML.NET
/// pipeline and the no-ML baseline all implement it, and all produce a <see cref="TrainedModel"/>.
/// </summary>
/// <typeparam name="TRecord">The record type of the training data.</typeparam>
public interface ITrainer<TRecord>
    where TRecord : class, new()
{
    /// <summary>The trainer's name as recorded in <see cref="TrainedModel.TrainerName"/>.</summary>
    string Name { get; }

    /// <summary>Trains a model.</summary>
    /// <param name="data">The training data with its dataset ids and seed.</param>
    /// <param name="progress">Receives a report at each stage boundary (and during the validation pass).</param>
    /// <param name="cancellationToken">Cancels the training; a cancelled training throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The trained model with its artifact and provenance.</returns>
    /// <exception cref="TrainingException">The data or the options cannot be trained on; the message says how to fix it.</exception>
    Task<TrainedModel> TrainAsync(TrainingSet<TRecord> data, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default);
}
