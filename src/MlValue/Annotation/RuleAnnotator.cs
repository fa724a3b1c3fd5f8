using System.Diagnostics.Metrics;
using MlValue.Diagnostics;
using MlValue.Internal;

namespace MlValue.Annotation;

/// <summary>
/// Composes labeling functions into one annotator: each item gets the majority label of the
/// rules that fire on it (confidence = share of firing rules that agree), or an abstain when
/// no rule fires or the firing rules tie. <see cref="ApplyEach"/> gives every rule's own votes
/// (the label matrix) for aggregation, and <see cref="Analyze"/> their coverage, overlaps and conflicts.
/// </summary>
/// <typeparam name="TItem">The item type.</typeparam>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class RuleAnnotator<TItem, TLabel> : IAnnotator<TItem, TLabel>
    where TLabel : notnull
{
    private readonly Func<TItem, string> _itemId;
    private readonly AnnotationTelemetry _telemetry;

    /// <summary>Creates a rule annotator.</summary>
    /// <param name="id">The annotator id written into the combined annotations.</param>
    /// <param name="itemId">Reads an item's unique id.</param>
    /// <param name="functions">The labeling functions, with unique names; at least one.</param>
    /// <param name="meterFactory">The container's meter factory, which creates the meter its labels and abstains are counted on; null for MlValue's shared meter.</param>
    public RuleAnnotator(string id, Func<TItem, string> itemId, IEnumerable<LabelingFunction<TItem, TLabel>> functions, IMeterFactory? meterFactory = null)
    {
        Id = Guard.NotNullOrWhiteSpace(id);
        _itemId = Guard.NotNull(itemId);
        _telemetry = MlValueMeter.For(meterFactory).Annotation;
        Functions = [.. Guard.NotNull(functions)];
        if (Functions.Count == 0)
        {
            throw new AnnotationException($"Rule annotator '{id}' has no labeling functions; pass at least one.");
        }

        var repeated = Functions.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new AnnotationException($"Rule annotator '{id}' has two labeling functions named '{repeated.Key}'; give each rule a unique name.");
        }
    }

    /// <inheritdoc />
    public string Id { get; }

    /// <summary>The labeling functions, in the order given.</summary>
    public IReadOnlyList<LabelingFunction<TItem, TLabel>> Functions { get; }

    /// <inheritdoc />
    public Task<IReadOnlyList<Annotation<TLabel>>> AnnotateAsync(IEnumerable<TItem> items, CancellationToken cancellationToken = default)
    {
        using var activity = AnnotationTelemetry.Start("mlvalue.annotation.rules", Id);
        var votes = ApplyEach(items, cancellationToken);
        var combined = LabelAggregator.MajorityVote(votes, TieBreak.Abstain)
            .Select(a => a.IsAbstain
                ? Annotations.Abstain<TLabel>(a.ItemId, Id)
                : Annotations.Of(a.ItemId, Id, a.Label!, a.Confidence))
            .ToList();
        _telemetry.Record(Id, combined);
        return Task.FromResult<IReadOnlyList<Annotation<TLabel>>>(combined);
    }

    /// <summary>
    /// Applies every labeling function to every item: the label matrix, one annotation per
    /// (item, rule), with the rule's name as annotator id. Ordered by item, then rule.
    /// </summary>
    /// <param name="items">The items.</param>
    /// <param name="cancellationToken">Stops the work between items.</param>
    /// <returns>The votes, abstains included.</returns>
    public IReadOnlyList<Annotation<TLabel>> ApplyEach(IEnumerable<TItem> items, CancellationToken cancellationToken = default)
    {
        var keyed = ItemKeys.Collect(items, _itemId, $"Rule annotator '{Id}'");
        var votes = new List<Annotation<TLabel>>(keyed.Count * Functions.Count);
        foreach (var (itemId, item) in keyed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var function in Functions)
            {
                var vote = Apply(function, itemId, item);
                votes.Add(vote.IsAbstain
                    ? Annotations.Abstain<TLabel>(itemId, function.Name)
                    : Annotations.Of(itemId, function.Name, vote.Label!, vote.Confidence));
            }
        }

        return votes;
    }

    /// <summary>
    /// Coverage, overlaps, conflicts and polarity of each labeling function on
    /// <paramref name="items"/> (as Snorkel's LFAnalysis), with empirical accuracy when gold labels are given.
    /// </summary>
    /// <param name="items">The items, usually unlabelled.</param>
    /// <param name="gold">Reads a known true label, or <see langword="null"/> when there is none.</param>
    /// <returns>The analysis.</returns>
    public LabelingFunctionAnalysis Analyze(IEnumerable<TItem> items, Func<TItem, TLabel?>? gold = null)
    {
        var keyed = ItemKeys.Collect(items, _itemId, $"Rule annotator '{Id}'");
        var names = Functions.Select(f => f.Name).ToList();
        var matrix = new List<RuleVote<TLabel>[]>(keyed.Count);
        var truths = new List<TLabel?>(keyed.Count);
        foreach (var (itemId, item) in keyed)
        {
            matrix.Add([.. Functions.Select(f => Apply(f, itemId, item))]);
            truths.Add(gold is null ? default : gold(item));
        }

        return LabelingFunctionAnalysis.Compute(names, matrix, gold is null ? null : truths);
    }

    private static RuleVote<TLabel> Apply(LabelingFunction<TItem, TLabel> function, string itemId, TItem item)
    {
        try
        {
            return function.Apply(item);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new AnnotationException(
                $"Labeling function '{function.Name}' failed on item '{itemId}': {error.Message} Fix the rule, or make it return RuleVote.Abstain for items it cannot judge.",
                error);
        }
    }
}
