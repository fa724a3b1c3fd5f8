using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MlValue.Data;
using MlValue.Evaluation;
using MlValue.Monitoring;
using MlValue.Registry;
using MlValue.Runs;
using MlValue.Samples.SpamLoop.Mail;
using MlValue.Training;

namespace MlValue.Samples.SpamLoop.Loop;

/// <summary>The loop's steps: dataset → train → evaluate → register → promote, each recorded by the run store.</summary>
public sealed class LoopSteps(SpamLoopRuntime runtime)
{
    /// <summary>The served model's name.</summary>
    public const string ModelName = "spam-filter";

    /// <summary>Builds the loop definition with the given triggers.</summary>
    /// <param name="triggers">The triggers.</param>
    /// <returns>The loop.</returns>
    public LoopDefinition Build(IEnumerable<ITrigger> triggers)
    {
        var loop = new LoopBuilder(ModelName);
        loop.DefaultResilience.MaxRetryAttempts = 0;
        loop.AddStep("dataset", DatasetAsync).AddStep("train", TrainAsync).AddStep("evaluate", EvaluateAsync)
            .AddStep("register", RegisterAsync).AddStep("promote", PromoteAsync);
        foreach (var trigger in triggers)
        {
            loop.AddTrigger(trigger);
        }

        return loop.Build();
    }

    private RunWorkspace Workspace => runtime.Workspace ?? throw new InvalidOperationException("The run's workspace is gone (the process restarted); start the sample again with a fresh output folder.");

    private ValueTask<StepResult> DatasetAsync(StepContext context, CancellationToken cancellationToken)
    {
        runtime.Workspace?.Dispose();
        var ws = runtime.Workspace = new RunWorkspace();
        var all = Dataset.FromRecords(runtime.Labelled, new DatasetProvenance { Source = "spam-inbox-labelled", WindowEnd = runtime.Clock.GetUtcNow() });
        var split = all.Split(m => m.Key, new SplitFractions(0.8, 0, 0.2));
        var window = runtime.Options.TrainWindow;
        var train = ws.Train = split.Train.Count > window
            ? Dataset.FromRecords(split.Train.AsEnumerable().TakeLast(window), split.Train.Provenance.Derive(split.Train.Id, Invariant($"the most recent {window} rows of the train part")))
            : split.Train;
        var holdout = ws.Holdout = split.Test;
        int Count(Dataset<MailText> rows, bool spam) => rows.AsEnumerable().Count(r => r.IsSpam == spam);
        if (Count(train, true) < 10 || Count(train, false) < 10 || Count(holdout, true) < 3 || Count(holdout, false) < 3)
        {
            ws.NotReady = string.Create(CultureInfo.InvariantCulture, $"not enough labelled mail of both classes yet (train {Count(train, true)} spam / {Count(train, false)} ham, holdout {Count(holdout, true)} / {Count(holdout, false)})");
        }

        return ValueTask.FromResult(StepResult.With(("dataset", all.Id), ("train", train.Id), ("holdout", holdout.Id),
            ("rows", string.Create(CultureInfo.InvariantCulture, $"{train.Count} train, {holdout.Count} holdout")), ("ready", ws.NotReady ?? "yes")));
    }

    private async ValueTask<StepResult> TrainAsync(StepContext context, CancellationToken cancellationToken)
    {
        var ws = Workspace;
        if (ws.NotReady is not null || ws.Train is not { } train)
        {
            return StepResult.With(("skipped", ws.NotReady ?? "no dataset"));
        }

        var trainer = runtime.Services.GetRequiredService<ITrainer<MailText>>();
        ws.Challenger = await trainer.TrainAsync(train.ToTrainingSet(runtime.Options.Seed), cancellationToken: cancellationToken);
        ws.ChallengerModel = runtime.Formats.Load<MailText, BinaryPrediction>(ws.Challenger.Artifact);
        ws.Profile = ReferenceProfile.Build(runtime.Schema, train.AsEnumerable(), m => ws.ChallengerModel.Predict(m).Probability);
        return StepResult.With(("artifact", ws.Challenger.Artifact.Sha256), ("trainer", ws.Challenger.TrainerName));
    }

    private async ValueTask<StepResult> EvaluateAsync(StepContext context, CancellationToken cancellationToken)
    {
        var ws = Workspace;
        if (ws.ChallengerModel is null || ws.Train is not { } train || ws.Holdout is not { } rows)
        {
            return StepResult.With(("skipped", ws.NotReady ?? "nothing trained"));
        }

        var evaluator = runtime.Services.GetRequiredService<IEvaluator>();
        var holdout = SpamLoopApp.HoldoutOf(rows);
        var baselineTrained = await BaselineTrainers.Rule(SpamRules.Baseline, nameof(MailText.IsSpam), runtime.Clock)
            .TrainAsync(train.ToTrainingSet(runtime.Options.Seed), cancellationToken: cancellationToken);
        using var baseline = runtime.Formats.Load<MailText, BinaryPrediction>(baselineTrained.Artifact);
        var baselineResult = await evaluator.EvaluateBinaryAsync("baseline spam-words", baseline, holdout, cancellationToken);
        EvaluationResult? championResult = null;
        if (runtime.ChampionVersion is { } champion)
        {
            var artifact = await runtime.Registry.LoadArtifactAsync(ModelName, champion, cancellationToken);
            using var championModel = runtime.Formats.Load<MailText, BinaryPrediction>(artifact);
            championResult = await evaluator.EvaluateBinaryAsync(Invariant($"champion v{champion}"), championModel, holdout, cancellationToken);
        }

        ws.Evaluation = await evaluator.EvaluateBinaryAsync("challenger", ws.ChallengerModel, holdout, cancellationToken);
        ws.Decision = evaluator.Decide(ws.Evaluation, championResult, baselineResult, policy: null);
        runtime.Reports.Add((ws.Evaluation, ws.Decision));
        return StepResult.With(("promote", ws.Decision.Promote ? "yes" : "no"), ("reason", ws.Decision.Reason),
            ("f1", EvaluationReportNumber(ws.Evaluation.Metric(MetricNames.F1)?.Value)));
    }

    private async ValueTask<StepResult> RegisterAsync(StepContext context, CancellationToken cancellationToken)
    {
        var ws = Workspace;
        if (ws.Challenger is null || ws.Evaluation is null || ws.Decision is null || ws.Profile is null)
        {
            return StepResult.With(("skipped", ws.NotReady ?? "nothing trained"));
        }

        var version = await runtime.Registry.RegisterAsync(new ModelRegistration
        {
            ModelName = ModelName,
            Artifact = ws.Challenger.Artifact,
            TrainerName = ws.Challenger.TrainerName,
            Hyperparameters = ws.Challenger.Hyperparameters,
            Seed = ws.Challenger.Seed,
            TrainingDatasetIds = ws.Challenger.DatasetIds,
            EvaluationDatasetIds = [context.Get("holdout")],
            Metrics = ws.Evaluation.ToMetricDictionary(),
            ParentVersion = runtime.ChampionVersion,
            Tags = new Dictionary<string, string> { ["trigger"] = context.Reason },
            Attachments = new Dictionary<string, byte[]>
            {
                [SpamLoopRuntime.ProfileAttachment] = ws.Profile.ToBytes(),
                ["decision.json"] = Encoding.UTF8.GetBytes(ws.Decision.ToJson()),
            },
            CodeVersion = "spam-loop-sample",
        }, cancellationToken);
        ws.Version = version.Version;
        return StepResult.With(("model-version", Invariant($"{version.Version}")));
    }

    private async ValueTask<StepResult> PromoteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var ws = Workspace;
        if (ws.Version is not { } version || ws.Decision is not { Promote: true } decision)
        {
            return StepResult.With(("champion", runtime.ChampionVersion is { } c ? Invariant($"{c}") : "none"), ("moved", "no"));
        }

        await runtime.Registry.SetAliasAsync(ModelName, "champion", version, runtime.ChampionVersion, decision.ToJson(), cancellationToken);
        runtime.ChampionVersion = version;
        ws.Promoted = true;
        return StepResult.With(("champion", Invariant($"{version}")), ("moved", "yes"));
    }

    private static string EvaluationReportNumber(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "undefined";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
