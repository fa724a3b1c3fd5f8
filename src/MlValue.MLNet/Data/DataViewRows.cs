using Microsoft.ML;

namespace MlValue.Data;

/// <summary>The rows of a dataset held by an ML.NET data view.</summary>
internal sealed class DataViewRows<T>(MLContext context, IDataView view) : IDatasetRows<T>
    where T : class, new()
{
    public object RawRepresentation => view;

    public MLContext Context => context;

    public IDataView View => view;

    public IEnumerable<T> Enumerate() => context.Data.CreateEnumerable<T>(view, reuseRowObject: false);

    public Dataset<T> Where(Func<T, bool> keep, DatasetProvenance provenance)
    {
        // FilterByCustomPredicate drops the rows for which the predicate is true.
        var filtered = context.Data.FilterByCustomPredicate<T>(view, r => !keep(r));
        return Dataset.FromDataView<T>(context, filtered, provenance);
    }
}
