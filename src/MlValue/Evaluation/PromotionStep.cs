using MlValue.Registry;
using MlValue.Serving;
using MlValue.Training;

namespace MlValue.Evaluation;

/// <summary>
/// The standard promotion step of a loop, in one call: evaluate the challenger, the current
/// champion and the baseline on the same holdout; decide under the policy; register the challenger
/// with its full lineage and attachments; move the alias by compare-and-swap against the champion
/// that was judged, with the decision as the reason; refresh the predictor that serves the model.
/// Each piece stays available on its own (<see cref="IEvaluator"/>, <see cref="IPromotionJudge"/>, <see cref="IModelRegistry"/>,
/// <see cref="ModelRegistration.From"/>, <see cref="IPredictor{TInput,TOutput}.RefreshAsync"/>).
/// </summary>
public sealed partial class PromotionStep
{
    private readonly IEvaluator _evaluator;
    private readonly IPromotionJudge _judge;
    private readonly IModelRegistry _registry;
    private readonly ModelFormatRegistry _formats;
    private readonly IServiceProvider? _services;

    /// <summary>Creates the step over the given stages.</summary>
    /// <param name="evaluator">Evaluates the challenger, the champion and the baseline.</param>
    /// <param name="judge">Decides on the evaluations.</param>
    /// <param name="registry">Registers the challenger and moves the alias.</param>
    /// <param name="formats">Loads the artifacts by format id.</param>
    /// <param name="services">Where the predictor of the model is found to refresh it; null to refresh none.</param>
    public PromotionStep(IEvaluator evaluator, IPromotionJudge judge, IModelRegistry registry, ModelFormatRegistry formats, IServiceProvider? services = null)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(formats);
        _evaluator = evaluator;
        _judge = judge;
        _registry = registry;
        _formats = formats;
        _services = services;
    }

    /// <summary>Runs the step.</summary>
    /// <typeparam name="TInput">The model's input record type.</typeparam>
    /// <typeparam name="TLabel"><see cref="bool"/>, <see cref="string"/> or <see cref="float"/>: binary, multiclass or regression.</typeparam>
    /// <param name="request">The challenger, baseline, holdout and target.</param>
    /// <param name="cancellationToken">Cancels the evaluations and store calls.</param>
    /// <returns>What was evaluated, decided, registered and moved.</returns>
    /// <exception cref="EvaluationException">The label type is not one of the three, or a model's task does not match it.</exception>
    /// <exception cref="AliasConflictException">The alias moved while the step ran; the new version stays registered, unpromoted.</exception>
    public async Task<PromotionOutcome> RunAsync<TInput, TLabel>(PromotionRequest<TInput, TLabel> request, CancellationToken cancellationToken = default)
        where TInput : class
    {
        ArgumentNullException.ThrowIfNull(request);
        var task = TaskOf<TLabel>();
        Check(request.Challenger, task, "challenger");
        if (request.Baseline is not null)
        {
            Check(request.Baseline, task, "baseline");
        }

        // Re-executed under the same key: the version registered before and the champion it was judged against.
        var prior = request.IdempotencyKey is { } key ? await _registry.FindByIdempotencyKeyAsync(request.ModelName, key, cancellationToken).ConfigureAwait(false) : null;
        var championVersion = prior is null
            ? await _registry.GetByAliasAsync(request.ModelName, request.Alias, cancellationToken).ConfigureAwait(false)
            : prior.ParentVersion is { } parent ? await _registry.GetVersionAsync(request.ModelName, parent, cancellationToken).ConfigureAwait(false) : null;
        var challenger = await EvaluateAsync(request.Challenger.TrainerName, request.Challenger.Artifact, request.Holdout, cancellationToken).ConfigureAwait(false);
        EvaluationResult? champion = null;
        if (championVersion is not null)
        {
            var artifact = await _registry.LoadArtifactAsync(request.ModelName, championVersion.Version, cancellationToken).ConfigureAwait(false);
            champion = await EvaluateAsync($"{request.ModelName} v{championVersion.Version}", artifact, request.Holdout, cancellationToken).ConfigureAwait(false);
        }

        var baseline = request.Baseline is null ? null : await EvaluateAsync(request.Baseline.TrainerName, request.Baseline.Artifact, request.Holdout, cancellationToken).ConfigureAwait(false);
        var decision = _judge.Decide(challenger, champion, baseline, request.Policy);
        var attachments = new Dictionary<string, byte[]>(request.Attachments, StringComparer.Ordinal)
        {
            [PromotionDecision.AttachmentName] = System.Text.Encoding.UTF8.GetBytes(decision.ToJson()),
        };
        var registration = ModelRegistration.From(request.ModelName, request.Challenger, challenger, request.Tags, attachments, championVersion?.Version, request.CodeVersion);
        var version = request.IdempotencyKey is null
            ? await _registry.RegisterAsync(registration, cancellationToken).ConfigureAwait(false)
            : prior ?? (await _registry.RegisterOnceAsync(registration, request.IdempotencyKey, cancellationToken).ConfigureAwait(false)).Version;
        AliasMove? move = null;
        if (decision.Promote)
        {
            move = request.IdempotencyKey is null
                ? await _registry.SetAliasAsync(request.ModelName, request.Alias, version.Version, championVersion?.Version, decision.ToSummary(), cancellationToken).ConfigureAwait(false)
                : (await _registry.MoveAliasOnceAsync(request.ModelName, request.Alias, version.Version, championVersion?.Version, decision.ToSummary(), cancellationToken).ConfigureAwait(false)).Move;
            await RefreshAsync<TInput, TLabel>(request.ModelName, cancellationToken).ConfigureAwait(false);
        }

        return new PromotionOutcome { Challenger = challenger, Champion = champion, Baseline = baseline, Decision = decision, Version = version, AliasMove = move };
    }
}
