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
        var train = split.Train.AsEnumerable().ToList();
        ws.Train = train.Count > runtime.Options.TrainWindow ? train[^runtime.Options.TrainWindow..] : train;
        ws.Holdout = [.. split.Test.AsEnumerable()];
        ws.DatasetIds = (all.Id, split.Train.Id, split.Test.Id);
        int Count(List<MailText> rows, bool spam) => rows.Count(r => r.IsSpam == spam);
        if (Count(ws.Train, true) < 10 || Count(ws.Train, false) < 10 || Count(ws.Holdout, true) < 3 || Count(ws.Holdout, false) < 3)
        {
            ws.NotReady = string.Create(CultureInfo.InvariantCulture, $"not enough labelled mail of both classes yet (train {Count(ws.Train, true)} spam / {Count(ws.Train, false)} ham, holdout {Count(ws.Holdout, true)} / {Count(ws.Holdout, false)})");
        }

        return ValueTask.FromResult(StepResult.With(("dataset", all.Id), ("train", split.Train.Id), ("holdout", split.Test.Id),
            ("rows", string.Create(CultureInfo.InvariantCulture, $"{ws.Train.Count} train, {ws.Holdout.Count} holdout")), ("ready", ws.NotReady ?? "yes")));
    }

    private async ValueTask<StepResult> TrainAsync(StepContext context, CancellationToken cancellationToken)
    {
        var ws = Workspace;
        if (ws.NotReady is not null)
        {
            return StepResult.With(("skipped", ws.NotReady));
        }

        var trainer = runtime.Services.GetRequiredService<ITrainer<MailText>>();
        ws.Challenger = await trainer.TrainAsync(TrainingSet<MailText>.FromRecords(ws.Train, [context.Get("train")], runtime.Options.Seed), cancellationToken: cancellationToken);
        ws.ChallengerModel = runtime.Formats.Load<MailText, BinaryPrediction>(ws.Challenger.Artifact);
        ws.Profile = ReferenceProfile.Build(runtime.Schema, ws.Train, m => ws.ChallengerModel.Predict(m).Probability);
        return StepResult.With(("artifact", ws.Challenger.Artifact.Sha256), ("trainer", ws.Challenger.TrainerName));
    }

    private async ValueTask<StepResult> EvaluateAsync(StepContext context, CancellationToken cancellationToken)
    {
        var ws = Workspace;
        if (ws.ChallengerModel is null)
        {
            return StepResult.With(("skipped", ws.NotReady ?? "nothing trained"));
        }

        var evaluator = runtime.Services.GetRequiredService<IEvaluator>();
        var holdout = new Holdout<MailText, bool>(ws.Holdout, m => m.IsSpam)
        {
            DatasetId = context.Get("holdout"),
            ClassNames = ["ham", "spam"],
            Segments = [new Segment<MailText>("group", m => m.Group)],
            InputFormatter = m => m.Subject,
        };
        var baselineTrained = await BaselineTrainers.Rule(SpamRules.Baseline, nameof(MailText.IsSpam), runtime.Clock)
            .TrainAsync(TrainingSet<MailText>.FromRecords(ws.Train, [context.Get("train")], runtime.Options.Seed), cancellationToken: cancellationToken);
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
