namespace MlValue.Annotation;

/// <summary>
/// The seam of the annotate stage: gives every item a label or an explicit abstain, each saying
/// who gave it (<see cref="Annotation{TLabel}.AnnotatorId"/>) and how sure it is.
/// </summary>
/// <typeparam name="TItem">The item type.</typeparam>
/// <typeparam name="TLabel">The label type.</typeparam>
public interface IAnnotator<in TItem, TLabel>
{
    /// <summary>The annotator's id, written into every annotation it gives.</summary>
    string Id { get; }

    /// <summary>Annotates a batch of items.</summary>
    /// <param name="items">The items; their ids come from the key selector the annotator was built with.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <returns>One annotation per item, in the order of <paramref name="items"/>; never <see langword="null"/> entries.</returns>
    Task<IReadOnlyList<Annotation<TLabel>>> AnnotateAsync(IEnumerable<TItem> items, CancellationToken cancellationToken = default);
}
