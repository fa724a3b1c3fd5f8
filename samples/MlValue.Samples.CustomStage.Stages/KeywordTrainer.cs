using System.Globalization;
using MlValue.Training;

namespace MlValue.Samples.CustomStage;

/// <summary>
/// A trainer that is not ML.NET: per word, the smoothed log-odds of spam among the training messages that hold it
/// (naive Bayes without the normalisation). It produces its own artifact format, <see cref="KeywordWeights.FormatId"/>.
/// </summary>
public sealed class KeywordTrainer(TimeProvider timeProvider) : ITrainer<Message>
{
    /// <inheritdoc />
    public string Name => "keyword-log-odds";

    /// <inheritdoc />
    public Task<TrainedModel> TrainAsync(TrainingSet<Message> data, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var started = timeProvider.GetTimestamp();
        var rows = data.Records.ToList();
        var spam = rows.Count(r => r.IsSpam);
        if (spam == 0 || spam == rows.Count)
        {
            throw new TrainingException($"Trainer '{Name}' needs messages of both classes; it got {spam} spam of {rows.Count}. Label more messages of the missing class.");
        }

        var counts = new Dictionary<string, (int Spam, int Ham)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var word in KeywordWeights.Words(row.Text))
            {
                var (s, h) = counts.GetValueOrDefault(word);
                counts[word] = row.IsSpam ? (s + 1, h) : (s, h + 1);
            }
        }

        var ham = rows.Count - spam;
        var weights = new KeywordWeights { Bias = Math.Log((double)spam / ham) };
        foreach (var (word, (s, h)) in counts)
        {
            weights.Weights[word] = Math.Log((s + 1.0) / (spam + 2.0)) - Math.Log((h + 1.0) / (ham + 2.0));
        }

        return Task.FromResult(new TrainedModel
        {
            Artifact = new ModelArtifact(KeywordWeights.FormatId, weights.ToBytes()),
            Task = PredictionTask.BinaryClassification,
            InputSchema = [new ModelColumn(nameof(Message.Text), "string")],
            TrainerName = Name,
            Hyperparameters = new Dictionary<string, string> { ["smoothing"] = "add-one" },
            Seed = data.Seed,
            DatasetIds = data.DatasetIds,
            RowCount = rows.Count,
            Duration = timeProvider.GetElapsedTime(started),
            Metrics = new Dictionary<string, double> { ["vocabulary"] = counts.Count, ["spam_share"] = Math.Round((double)spam / rows.Count, 4) },
        });
    }

    /// <summary>For display.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name.ToString(CultureInfo.InvariantCulture);
}
