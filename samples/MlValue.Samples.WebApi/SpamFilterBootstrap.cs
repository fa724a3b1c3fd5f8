using Microsoft.Extensions.Options;
using MlValue.Data;
using MlValue.Evaluation;
using MlValue.Monitoring;
using MlValue.Registry;
using MlValue.Samples.SpamLoop.Corpus;
using MlValue.Samples.SpamLoop.Mail;
using MlValue.Serving;
using MlValue.Training;

namespace MlValue.Samples.WebApi;

/// <summary>
/// At start: when the store has no <c>champion</c> of <see cref="WebApiOptions.ModelName"/>, trains one on the fixture,
/// registers and promotes it with <see cref="PromotionStep"/> (which refreshes the predictor); then warms the predictor up.
/// </summary>
public sealed partial class SpamFilterBootstrap(
    IServiceProvider services,
    IModelRegistry registry,
    IOptions<WebApiOptions> options,
    TimeProvider clock,
    ILogger<SpamFilterBootstrap> logger) : IHostedService
{
    private static readonly string[] SpamWords = ["click here", "free", "$$$", "remove", "money", "offer", "unsubscribe", "100%", "viagra", "mortgage"];

    /// <summary>The no-ML baseline a first model must beat: spam when the subject or body holds one of a few spam words.</summary>
    public static BaselineRule<LabelledMail> Baseline { get; } = new("spam-words", m => SpamWords.Any(w => m.Subject.Contains(w, StringComparison.OrdinalIgnoreCase) || m.Body.Contains(w, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The features the monitor profiles.</summary>
    public static MonitorSchema<MailInput> Schema { get; } = new MonitorSchema<MailInput>(PredictionTask.BinaryClassification)
        .Numeric("subject_length", m => m.Subject.Length)
        .Numeric("body_length", m => m.Body.Length)
        .Text("subject", m => m.Subject)
        .Text("body", m => m.Body);

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var champion = await registry.GetByAliasAsync(WebApiOptions.ModelName, "champion", cancellationToken);
        if (champion is null)
        {
            await TrainAndPromoteAsync(cancellationToken);
        }
        else
        {
            LogServing(logger, WebApiOptions.ModelName, champion.Version);
        }

        await services.GetRequiredKeyedService<IPredictor<MailInput, BinaryPrediction>>(WebApiOptions.ModelName).WarmUpAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task TrainAndPromoteAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var fixture = settings.Fixture
            ?? throw new InvalidOperationException($"The store has no champion of '{WebApiOptions.ModelName}' and no fixture to train one: pass --fixture PATH (tests/Shared/Fixtures/spamassassin-sample.jsonl.gz).");
        var rows = CorpusReader.ReadFixture(fixture).Select(raw => ToRow(raw, settings.MaxBodyLength)).Where(r => r.Body.Length > 0).ToList();
        var dataset = Dataset.FromRecords(rows, new DatasetProvenance { Source = Path.GetFileName(fixture) });
        var split = dataset.Split(m => m.Key, new SplitFractions(0.8, 0, 0.2));
        var trainer = services.GetRequiredService<ITrainer<LabelledMail>>();
        var challenger = await trainer.TrainAsync(split.Train.ToTrainingSet(settings.Seed), cancellationToken: cancellationToken);
        ReferenceProfile profile;
        using (var model = services.GetRequiredService<ModelFormatRegistry>().Load<MailInput, BinaryPrediction>(challenger.Artifact))
        {
            profile = ReferenceProfile.Build(Schema, split.Train.AsEnumerable(), m => model.Predict(m).Probability);
        }

        var baseline = await BaselineTrainers.Rule(Baseline, nameof(LabelledMail.IsSpam), clock)
            .TrainAsync(split.Train.ToTrainingSet(settings.Seed), cancellationToken: cancellationToken);
        var outcome = await services.GetRequiredService<PromotionStep>().RunAsync(
            new PromotionRequest<LabelledMail, bool>
            {
                ModelName = WebApiOptions.ModelName,
                Challenger = challenger,
                Baseline = baseline,
                Holdout = split.Test.ToHoldout(m => m.IsSpam, classNames: ["ham", "spam"]),
                Tags = new Dictionary<string, string> { ["trigger"] = "first start", ["fixture"] = Path.GetFileName(fixture) },
                Attachments = new Dictionary<string, byte[]>([profile.ToAttachment()]),
                CodeVersion = "webapi-sample",
            },
            cancellationToken);
        if (outcome.AliasMove is null)
        {
            throw new InvalidOperationException($"The first model (version {outcome.Version.Version}) was registered but not promoted: {outcome.Decision.ToSummary()}");
        }

        LogPromoted(logger, WebApiOptions.ModelName, outcome.Version.Version, rows.Count, outcome.Decision.ToSummary());
    }

    private static LabelledMail ToRow(RawMail raw, int maxBody)
    {
        var (message, _) = MailParser.Parse(raw);
        var body = message.Body.Length > maxBody ? message.Body[..maxBody] : message.Body;
        return new LabelledMail { Key = message.Key, Subject = message.Subject, Body = body, IsSpam = raw.Group.StartsWith("spam", StringComparison.Ordinal) };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving '{Model}' version {Version} from the store.")]
    private static partial void LogServing(ILogger logger, string model, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trained '{Model}' version {Version} on {Rows} messages and promoted it: {Decision}")]
    private static partial void LogPromoted(ILogger logger, string model, int version, int rows, string decision);
}
