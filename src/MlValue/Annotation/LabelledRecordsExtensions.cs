using MlValue.Data;

namespace MlValue.Annotation;

/// <summary>Writes aggregated labels back onto the items they label, so no one zips them by hand.</summary>
public static class LabelledRecordsExtensions
{
    /// <summary>
    /// Joins <paramref name="labels"/> to <paramref name="items"/> by item id and writes each label
    /// onto a copy of its item (the input items are not changed). Items without a label — every
    /// annotator abstained, a tie resolved as abstain, or no annotation — come back apart, unchanged.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <typeparam name="TLabel">The label type.</typeparam>
    /// <param name="items">The items, in their order.</param>
    /// <param name="labels">The aggregated labels (for example from <see cref="LabelAggregator.MajorityVote{TLabel}"/>).</param>
    /// <param name="itemId">The id of an item, as the annotations name it.</param>
    /// <param name="setLabel">Writes a label onto an item (for example <c>(m, spam) =&gt; m.IsSpam = spam</c>).</param>
    /// <returns>The labelled copies and the unlabelled items.</returns>
    /// <exception cref="AnnotationException">Two aggregated labels name the same item.</exception>
    public static LabelledRecords<T> WithLabels<T, TLabel>(this IEnumerable<T> items, IEnumerable<AggregatedLabel<TLabel>> labels, Func<T, string> itemId, Action<T, TLabel> setLabel)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(itemId);
        ArgumentNullException.ThrowIfNull(setLabel);
        var byId = new Dictionary<string, AggregatedLabel<TLabel>>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            if (!byId.TryAdd(label.ItemId, label))
            {
                throw new AnnotationException($"Item '{label.ItemId}' has two aggregated labels; aggregate all annotations of an item in one call.");
            }
        }

        var shape = RecordColumns.Of<T>();
        var labelled = new List<T>();
        var unlabelled = new List<T>();
        foreach (var item in items)
        {
            if (byId.TryGetValue(itemId(item), out var label) && !label.IsAbstain)
            {
                var copy = (T)shape.Copy(item);
                setLabel(copy, label.Label!);
                labelled.Add(copy);
            }
            else
            {
                unlabelled.Add(item);
            }
        }

        return new LabelledRecords<T>(labelled, unlabelled);
    }
}
