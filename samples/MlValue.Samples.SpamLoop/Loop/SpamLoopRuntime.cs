using Microsoft.Extensions.DependencyInjection;
using MlValue.Evaluation;
using MlValue.Monitoring;
using MlValue.Registry;
using MlValue.Runs;
using MlValue.Samples.SpamLoop.Mail;
using MlValue.Samples.SpamLoop.Storage;
using MlValue.Serving;
using MlValue.Training;

namespace MlValue.Samples.SpamLoop.Loop;

/// <summary>The loop's services (all from <c>services.AddMlValue(...)</c>) and the state the replay shares with the steps.</summary>
public sealed class SpamLoopRuntime : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private ReferenceProfile? _monitorReference;

    /// <summary>
    /// Wires every stage through dependency injection: the registry, the run store and the checkpoints on the store
    /// <see cref="SpamLoopOptions.Store"/> names (embedded SQLite under <paramref name="storeRoot"/>, or PostgreSQL), the
    /// annotation queue and the monitor state under <paramref name="storeRoot"/> either way.
    /// </summary>
    /// <param name="options">The sample's options.</param>
    /// <param name="clock">The replay clock.</param>
    /// <param name="storeRoot">The MlValue root folder.</param>
    public SpamLoopRuntime(SpamLoopOptions options, SimulatedClock clock, string storeRoot)
    {
        Options = options;
        Clock = clock;
        Schema = new MonitorSchema<MailText>(PredictionTask.BinaryClassification)
            .Numeric("subject_length", m => m.Subject.Length)
            .Numeric("body_length", m => m.Body.Length)
            .Text("subject", m => m.Subject)
            .Text("body", m => m.Body);
        var services = new ServiceCollection();
        services.AddMlValue(o => o.RootDirectory = storeRoot)
            .AddDataSources()
            .AddCleaning()
            .AddAnnotation()
            .AddTraining(o =>
            {
                o.Preset = TrainingPreset.Text;
                o.Task = PredictionTask.BinaryClassification;
                o.Text.LabelColumn = nameof(MailText.IsSpam);
                o.Text.TextColumns.Add(nameof(MailText.Subject));
                o.Text.TextColumns.Add(nameof(MailText.Body));
                o.Text.WordNgramLength = options.WordNgramLength;
                o.Text.UseCharNgrams = false;
                o.Text.MaximumNumberOfIterations = options.MaximumIterations;
                o.Text.NumberOfThreads = 1;
            })
            .AddBaselineRule(SpamRules.Baseline)
            .AddEvaluation(o =>
            {
                o.Policy.Rules.Add(new MetricRule { Metric = MetricNames.F1, Threshold = 0.7, CheckSlices = false });
                o.Policy.Rules.Add(new MetricRule { Metric = MetricNames.Auc });
            })
            .UseStores(options).AddModelRegistry(o => o.CodeVersion = "spam-loop-sample")
            .AddModelMonitoring(o =>
            {
                o.BucketWidth = TimeSpan.FromDays(1);
                o.AllowedLateness = TimeSpan.FromDays(1);
                o.Retention = TimeSpan.FromDays(7 * 60);
                o.OutcomeExpiry = TimeSpan.FromDays(7 * 60);
                o.SaveInterval = TimeSpan.Zero;
            })
            .AddModelMonitor(LoopSteps.ModelName, Schema, _ => _monitorReference)
            .AddPredictionMonitoring<MailText>(LoopSteps.ModelName)
            .AddPredictor<MailText, BinaryPrediction>(LoopSteps.ModelName, configure: o => o.PollInterval = TimeSpan.Zero)
            .AddLoopRuns();
        services.AddSingleton<TimeProvider>(clock);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Registry = _provider.GetRequiredService<IModelRegistry>();
        Formats = _provider.GetRequiredService<ModelFormatRegistry>();
        Promotion = new PromotionStep(_provider.GetRequiredService<IEvaluator>(), _provider.GetRequiredService<IPromotionJudge>(), Registry, Formats);
        Steps = new LoopSteps(this);
    }

    /// <summary>The options.</summary>
    public SpamLoopOptions Options { get; }

    /// <summary>The clock.</summary>
    public SimulatedClock Clock { get; }

    /// <summary>The services.</summary>
    public IServiceProvider Services => _provider;

    /// <summary>The registry.</summary>
    public IModelRegistry Registry { get; }

    /// <summary>The model formats.</summary>
    public ModelFormatRegistry Formats { get; }

    /// <summary>The promotion step (evaluate, decide, register, move the alias); it refreshes no predictor, see <see cref="OnPromotedAsync"/>.</summary>
    public PromotionStep Promotion { get; }

    /// <summary>The monitored features.</summary>
    public MonitorSchema<MailText> Schema { get; }

    /// <summary>The steps.</summary>
    public LoopSteps Steps { get; }

    /// <summary>Every labelled clean message so far, in arrival order.</summary>
    public List<MailText> Labelled { get; } = [];

    /// <summary>The current run's workspace.</summary>
    public RunWorkspace? Workspace { get; set; }

    /// <summary>The champion version, or null before the first promotion.</summary>
    public int? ChampionVersion { get; set; }

    /// <summary>Every evaluation with its decision, in run order.</summary>
    public List<(EvaluationResult Result, PromotionDecision Decision)> Reports { get; } = [];

    /// <summary>The predictor, once a champion exists.</summary>
    public IPredictor<MailText, BinaryPrediction>? Predictor { get; private set; }

    /// <summary>The monitor, once a champion exists (its reference is the first champion's training profile).</summary>
    public IModelMonitor<MailText>? Monitor { get; private set; }

    /// <summary>A scheduler over the loop with the given triggers (the run store and runner come from DI).</summary>
    /// <param name="triggers">The triggers.</param>
    /// <returns>The scheduler.</returns>
    public LoopScheduler Scheduler(IEnumerable<ITrigger> triggers)
        => new([Steps.Build(triggers)], _provider.GetRequiredService<LoopRunner>(), _provider.GetRequiredService<IRunStore>(), Clock);

    /// <summary>After a promotion: the first time, loads the champion's profile from the registry as the monitor's reference and starts serving; later, hot-swaps the predictor.</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task.</returns>
    public async Task OnPromotedAsync(CancellationToken cancellationToken)
    {
        if (Predictor is not null)
        {
            await Predictor.RefreshAsync(cancellationToken);
            return;
        }

        var bytes = await Registry.LoadAttachmentAsync(LoopSteps.ModelName, ChampionVersion!.Value, ReferenceProfile.AttachmentName, cancellationToken);
        _monitorReference = bytes is null ? null : ReferenceProfile.FromBytes(bytes);
        Monitor = _provider.GetRequiredService<IModelMonitor<MailText>>();
        Predictor = _provider.GetRequiredKeyedService<IPredictor<MailText, BinaryPrediction>>(LoopSteps.ModelName);
        await Predictor.WarmUpAsync(cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
