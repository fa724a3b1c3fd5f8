using Microsoft.ML;

namespace MlValue.Data;

/// <summary>Bridges between datasets and ML.NET data views.</summary>
public static class MlNetDatasetExtensions
{
    extension(Dataset)
    {
        /// <summary>
        /// Creates a dataset over an <see cref="IDataView"/> (for example from
        /// <c>mlContext.Data.LoadFromTextFile</c>) without materialising it: the id is computed by
        /// streaming one cursor over all visible columns, and equals the id of the same rows given as
        /// records. Every property of <typeparamref name="T"/> must be a column of the view, so rows
        /// can be read back as records.
        /// </summary>
        /// <typeparam name="T">The record type the rows map to.</typeparam>
        /// <param name="mlContext">The ML.NET context.</param>
        /// <param name="data">The data view; it must be re-readable and unchanged while the dataset is used.</param>
        /// <param name="provenance">Where the rows came from.</param>
        /// <param name="cancellationToken">Cancels the hashing pass.</param>
        /// <returns>The dataset.</returns>
        /// <exception cref="DatasetException">A column has a type a dataset cannot hash, or a property of <typeparamref name="T"/> is not a column of the view.</exception>
        public static Dataset<T> FromDataView<T>(MLContext mlContext, IDataView data, DatasetProvenance provenance, CancellationToken cancellationToken = default)
            where T : class, new()
        {
            ArgumentNullException.ThrowIfNull(mlContext);
            ArgumentNullException.ThrowIfNull(data);
            ArgumentNullException.ThrowIfNull(provenance);
            var schema = DataViewHasher.SchemaOf(data);
            foreach (var property in RecordColumns.Of<T>().Columns)
            {
                var column = schema.Columns.FirstOrDefault(c => string.Equals(c.Name, property.Name, StringComparison.Ordinal));
                if (column is null || column.Type != property.Column.Type)
                {
                    throw new DatasetException(
                        $"Property '{typeof(T).Name}.{property.Name}' ({property.Column.Type}) has no matching column in the data view (columns: {schema}). Name the loaded column like the property, with the same type, or remove the property from the record type.");
                }
            }

            return Dataset.FromRows(new DataViewRows<T>(mlContext, data), schema, provenance, (hasher, ct) => DataViewHasher.Hash(data, hasher, ct), cancellationToken);
        }
    }

    /// <summary>Exposes the rows as an ML.NET <see cref="IDataView"/> without copying them into a new store.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="dataset">The dataset.</param>
    /// <param name="mlContext">The ML.NET context.</param>
    /// <returns>The view over the dataset's rows.</returns>
    /// <exception cref="DatasetException">A property type cannot be loaded into a data view (nullable value types, decimal).</exception>
    public static IDataView ToDataView<T>(this Dataset<T> dataset, MLContext mlContext)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(mlContext);
        if (dataset.RawRepresentation is IDataView view)
        {
            return view;
        }

        var unsupported = RecordColumns.Of<T>().Columns.FirstOrDefault(p => p.IsNullable || p.Kind == ColumnKind.Decimal);
        if (unsupported is not null)
        {
            throw new DatasetException($"Dataset {dataset.Id}: property '{typeof(T).Name}.{unsupported.Name}' ({unsupported.Column.Type}{(unsupported.IsNullable ? "?" : string.Empty)}) cannot be loaded into an ML.NET data view. Map it to float, double, int, long, bool, string or DateTime (for example clean nulls to NaN) before training.");
        }

        return mlContext.Data.LoadFromEnumerable(dataset.AsEnumerable());
    }
}
