using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MlValue.Data;
using MlValue.Evaluation;
using MlValue.Monitoring;
using MlValue.Runs;
using MlValue.Samples.SpamLoop.Mail;
using MlValue.Training;

namespace MlValue.Samples.SpamLoop.Loop;

/// <summary>The loop's steps: dataset → train → promote (evaluate, decide, register, move the alias), each recorded by the run store.</summary>
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
        loop.AddStep("dataset", DatasetAsync).AddStep("train", TrainAsync).AddStep("promote", PromoteAsync);
        foreach (var trigger in triggers)
        {
            loop.AddTrigger(trigger);
        }

        return loop.Build();
    }

    private RunWorkspace Workspace => runtime.Workspace ?? throw new InvalidOperationException("The run's workspace is gone (the process restarted); start the sample again with a fresh output folder.");

    private ValueTask<StepResult> DatasetAsync(StepContext context, CancellationToken cancellationToken)
    {
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
        var challenger = ws.Challenger = await trainer.TrainAsync(train.ToTrainingSet(runtime.Options.Seed), cancellationToken: cancellationToken);
        using (var model = runtime.Formats.Load<MailText, BinaryPrediction>(challenger.Artifact))
        {
            ws.Profile = ReferenceProfile.Build(runtime.Schema, train.AsEnumerable(), m => model.Predict(m).Probability);
        }

        ws.Baseline = await BaselineTrainers.Rule(SpamRules.Baseline, nameof(MailText.IsSpam), runtime.Clock)
            .TrainAsync(train.ToTrainingSet(runtime.Options.Seed), cancellationToken: cancellationToken);
        return StepResult.With(("artifact", challenger.Artifact.Sha256), ("trainer", challenger.TrainerName), ("baseline", ws.Baseline.TrainerName));
    }

    /// <summary>
    /// The standard promotion step in one call: challenger, champion and baseline judged on the same holdout, the
    /// challenger registered with its lineage (parent = the judged champion) and the reference profile, the alias
    /// moved by compare-and-swap when the policy says so. The step has no service provider, so it refreshes no
    /// predictor: the replay starts serving only after the first promotion, with that champion's profile as the
    /// monitor's reference, and refreshes the predictor itself (<see cref="SpamLoopRuntime.OnPromotedAsync"/>).
    /// </summary>
    private async ValueTask<StepResult> PromoteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var ws = Workspace;
        if (ws.Challenger is not { } challenger || ws.Profile is not { } profile || ws.Holdout is not { } holdout)
        {
            return StepResult.With(("skipped", ws.NotReady ?? "nothing trained"), ("champion", Version(runtime.ChampionVersion)), ("moved", "no"));
        }

        var outcome = await runtime.Promotion.RunAsync(
            new PromotionRequest<MailText, bool>
            {
                ModelName = ModelName,
                Challenger = challenger,
                Baseline = ws.Baseline,
                Holdout = SpamLoopApp.HoldoutOf(holdout),
                Tags = new Dictionary<string, string> { ["trigger"] = context.Reason },
                Attachments = new Dictionary<string, byte[]>([profile.ToAttachment()]),
                CodeVersion = "spam-loop-sample",
            },
            cancellationToken);
        ws.Evaluation = outcome.Challenger;
        ws.Decision = outcome.Decision;
        ws.Version = outcome.Version.Version;
        ws.Promoted = outcome.AliasMove is not null;
        if (ws.Promoted)
        {
            runtime.ChampionVersion = outcome.Version.Version;
        }

        runtime.Reports.Add((outcome.Challenger, outcome.Decision));
        return StepResult.With(
            ("f1", EvaluationReportNumber(outcome.Challenger.Metric(MetricNames.F1)?.Value)),
            ("decision", outcome.Decision.ToSummary()),
            ("model-version", Version(outcome.Version.Version)),
            ("champion", Version(runtime.ChampionVersion)),
            ("moved", ws.Promoted ? "yes" : "no"));
    }

    private static string Version(int? version) => version is { } v ? Invariant($"{v}") : "none";

    private static string EvaluationReportNumber(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "undefined";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
