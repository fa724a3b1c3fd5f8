using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MlValue.Annotation;
using MlValue.Registry;
using MlValue.Serving;
using MlValue.Training;

namespace MlValue.Samples.CustomStage;

/// <summary>Annotate with the custom annotator → train with the custom trainer → register → serve through the predictor.</summary>
public static class CustomStageApp
{
    /// <summary>The model name.</summary>
    public const string ModelName = "keywords";

    private static readonly Message[] Inbox =
    [
        new() { Id = "m1", Text = "You are a winner! Claim your free prize now" },
        new() { Id = "m2", Text = "Agenda for the design review meeting" },
        new() { Id = "m3", Text = "Free cash for every winner today" },
        new() { Id = "m4", Text = "Lunch after the meeting?" },
        new() { Id = "m5", Text = "Review notes and the agenda attached" },
        new() { Id = "m6", Text = "Cash prize waiting: reply now" },
        new() { Id = "m7", Text = "See you tomorrow" },
    ];

    /// <summary>Runs the example with its stores under <paramref name="root"/>.</summary>
    /// <param name="root">The MlValue root folder (registry).</param>
    /// <param name="output">Where to print.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The served answers for two new messages: (text, spam?, version).</returns>
    public static async Task<IReadOnlyList<(string Text, bool IsSpam, int Version)>> RunAsync(string root, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var services = new ServiceCollection();
        services.AddMlValue(o => o.RootDirectory = root)
            .UseSqlite().AddModelRegistry(o => o.CodeVersion = "custom-stage-sample")
            .AddPredictor<Message, BinaryPrediction>(ModelName, configure: o => o.PollInterval = TimeSpan.Zero);
        services.AddSingleton<IAnnotator<Message, string>, KeywordAnnotator>();
        services.AddSingleton<ITrainer<Message>>(sp => new KeywordTrainer(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IModelFormat, KeywordModelFormat>();
        await using var provider = services.BuildServiceProvider();

        // 1. Annotate: the custom annotator labels what it can; abstentions stay out of training.
        var annotations = await provider.GetRequiredService<IAnnotator<Message, string>>().AnnotateAsync(Inbox, cancellationToken);
        var labelled = Inbox.Zip(annotations).Where(p => !p.Second.IsAbstain)
            .Select(p => new Message { Id = p.First.Id, Text = p.First.Text, IsSpam = p.Second.Label == "spam" }).ToList();
        output.WriteLine($"annotated {labelled.Count} of {Inbox.Length} messages ({annotations.Count(a => a.IsAbstain)} abstained)");

        // 2. Train with the custom (non-ML.NET) trainer.
        var trained = await provider.GetRequiredService<ITrainer<Message>>().TrainAsync(TrainingSet<Message>.FromRecords(labelled, ["inbox-v1"], seed: 1), cancellationToken: cancellationToken);
        output.WriteLine($"trained {trained.TrainerName}: {trained.Artifact.FormatId}, {trained.Artifact.Content.Length} bytes, vocabulary {trained.Metrics["vocabulary"].ToString(CultureInfo.InvariantCulture)}");

        // 3. Register and promote.
        var registry = provider.GetRequiredService<IModelRegistry>();
        var version = await registry.RegisterAsync(new ModelRegistration
        {
            ModelName = ModelName, Artifact = trained.Artifact, TrainerName = trained.TrainerName,
            Hyperparameters = trained.Hyperparameters, Seed = trained.Seed, TrainingDatasetIds = trained.DatasetIds, Metrics = trained.Metrics,
        }, cancellationToken);
        await registry.SetAliasAsync(ModelName, "champion", version.Version, expectedCurrentVersion: null, "first keyword model", cancellationToken);

        // 4. Serve: the predictor finds the custom format through DI and loads the registered artifact.
        var predictor = provider.GetRequiredKeyedService<IPredictor<Message, BinaryPrediction>>(ModelName);
        await predictor.WarmUpAsync(cancellationToken);
        var answers = new List<(string, bool, int)>();
        foreach (var text in new[] { "Free prize for the winner", "Meeting agenda for review" })
        {
            var prediction = predictor.Predict(new Message { Text = text });
            output.WriteLine($"{text} → {(prediction.Value.PredictedLabel ? "spam" : "ham")} (p = {prediction.Value.Probability.ToString("0.000", CultureInfo.InvariantCulture)}, {prediction.ModelName} v{prediction.Version})");
            answers.Add((text, prediction.Value.PredictedLabel, prediction.Version));
        }

        return answers;
    }
}
