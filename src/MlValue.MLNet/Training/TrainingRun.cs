using System.Diagnostics;
using Microsoft.ML;
using MlValue.Diagnostics;

namespace MlValue.Training;

/// <summary>
/// What every trainer shares around its own work: the activity, the duration histogram, the
/// progress reports, and turning cancellation and ML.NET failures into the documented exceptions.
/// </summary>
internal static class TrainingRun
{
    public static Task<TrainedModel> RunAsync(
        string trainerName,
        PredictionTask task,
        int seed,
        TimeProvider timeProvider,
        TrainingTelemetry telemetry,
        Func<MLContext, TrainedModel> train,
        CancellationToken cancellationToken)
        => Task.Run(() => Run(trainerName, task, seed, timeProvider, telemetry, train, cancellationToken), CancellationToken.None);

    public static void Report(IProgress<TrainingProgress>? progress, TrainingStage stage, long rows, string message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new TrainingProgress(stage, rows, message));
    }

    private static TrainedModel Run(string trainerName, PredictionTask task, int seed, TimeProvider timeProvider, TrainingTelemetry telemetry, Func<MLContext, TrainedModel> train, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var activity = telemetry.StartActivity(trainerName, task, seed);
        var started = timeProvider.GetTimestamp();
        var mlContext = new MLContext(seed);
        using var registration = MlNetCancellation.Register(cancellationToken, mlContext);
        try
        {
            var model = train(mlContext);
            cancellationToken.ThrowIfCancellationRequested();
            var elapsed = timeProvider.GetElapsedTime(started);
            telemetry.RecordDuration(trainerName, elapsed);
            activity?.SetStatus(ActivityStatusCode.Ok);
            return new TrainedModel
            {
                Artifact = model.Artifact,
                Task = model.Task,
                InputSchema = model.InputSchema,
                TrainerName = model.TrainerName,
                Hyperparameters = model.Hyperparameters,
                Seed = model.Seed,
                DatasetIds = model.DatasetIds,
                RowCount = model.RowCount,
                Duration = elapsed,
                Metrics = model.Metrics,
            };
        }
        catch (Exception error) when (cancellationToken.IsCancellationRequested && error is not TrainingException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
            throw new OperationCanceledException($"Training with '{trainerName}' was cancelled.", error, cancellationToken);
        }
        catch (TrainingException error)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            throw;
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException or FormatException or InvalidDataException or KeyNotFoundException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            throw new TrainingException(
                $"Trainer '{trainerName}' failed inside ML.NET ({error.GetType().Name}: {error.Message}). How to fix: check that the pipeline's columns and types match the training data; the inner exception has the details.",
                error);
        }
    }
}
