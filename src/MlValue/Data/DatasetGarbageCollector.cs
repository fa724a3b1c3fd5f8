using MlValue.Registry;
using MlValue.Runs;

namespace MlValue.Data;

/// <summary>
/// Deletes stored datasets nothing references. Kept: every dataset a recorded run references (a
/// <see cref="StepReferenceKind.Dataset"/> input or output of any step of any run of any loop in the
/// run store, abandoned runs included), every training and evaluation dataset of every registered
/// version (archived ones included), and every dataset stored less than <c>minimumAge</c> ago (a step
/// may have saved it and not yet recorded the reference).
/// </summary>
public sealed class DatasetGarbageCollector
{
    private readonly IDatasetStore _datasets;
    private readonly IRunStore _runs;
    private readonly IModelRegistry? _registry;
    private readonly TimeProvider _time;

    /// <summary>Creates a collector.</summary>
    /// <param name="datasets">The dataset store to collect.</param>
    /// <param name="runs">The run store whose records keep datasets.</param>
    /// <param name="registry">The registry whose versions keep datasets, or <see langword="null"/> when the application has none.</param>
    /// <param name="timeProvider">The clock the minimum age is measured on.</param>
    public DatasetGarbageCollector(IDatasetStore datasets, IRunStore runs, IModelRegistry? registry, TimeProvider timeProvider)
    {
        _datasets = datasets ?? throw new ArgumentNullException(nameof(datasets));
        _runs = runs ?? throw new ArgumentNullException(nameof(runs));
        _registry = registry;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <summary>The ids every recorded run and registered version references.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The referenced dataset ids.</returns>
    public async Task<IReadOnlySet<string>> ReferencedAsync(CancellationToken cancellationToken = default)
    {
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var loop in await _runs.ListLoopsAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var run in await _runs.ListAsync(loop, cancellationToken).ConfigureAwait(false))
            {
                foreach (var step in run.Steps)
                {
                    keep.UnionWith(step.Inputs.Values.Concat(step.Outputs.Values).Where(r => r.Kind == StepReferenceKind.Dataset).Select(r => r.Id));
                }
            }
        }

        if (_registry is not null)
        {
            foreach (var version in await _registry.SearchAsync(new ModelQuery { IncludeArchived = true }, cancellationToken).ConfigureAwait(false))
            {
                keep.UnionWith(version.TrainingDatasetIds);
                keep.UnionWith(version.EvaluationDatasetIds);
            }
        }

        return keep;
    }

    /// <summary>Deletes every stored dataset that is not referenced and older than <paramref name="minimumAge"/>.</summary>
    /// <param name="minimumAge">Datasets stored more recently are kept (a step may not have recorded its reference yet). Use at least the longest step's duration.</param>
    /// <param name="cancellationToken">Cancels the collection (what was deleted stays deleted).</param>
    /// <returns>The deleted ids, and how many were kept.</returns>
    public async Task<DatasetCollection> CollectAsync(TimeSpan minimumAge, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumAge, TimeSpan.Zero);

        // Listed before the references are read: a dataset stored after the listing is not a candidate.
        var stored = await _datasets.ListAsync(cancellationToken).ConfigureAwait(false);
        var keep = await ReferencedAsync(cancellationToken).ConfigureAwait(false);
        var cutoff = _time.GetUtcNow() - minimumAge;
        var deleted = new List<string>();
        foreach (var dataset in stored)
        {
            if (!keep.Contains(dataset.Id) && dataset.StoredAt <= cutoff && await _datasets.DeleteAsync(dataset.Id, cancellationToken).ConfigureAwait(false))
            {
                deleted.Add(dataset.Id);
            }
        }

        return new DatasetCollection { Deleted = deleted, Kept = stored.Count - deleted.Count };
    }
}

/// <summary>What a dataset collection did.</summary>
public sealed class DatasetCollection
{
    /// <summary>The ids deleted.</summary>
    public required IReadOnlyList<string> Deleted { get; init; }

    /// <summary>How many stored datasets were kept.</summary>
    public required int Kept { get; init; }
}
