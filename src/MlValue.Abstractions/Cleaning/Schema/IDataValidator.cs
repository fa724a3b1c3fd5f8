namespace MlValue.Cleaning;

/// <summary>
/// Infers a <see cref="DataSchema"/> from a reference set and checks new batches against it.
/// The default is <c>DataValidator</c>; register it with <c>AddCleaning</c>.
/// </summary>
public interface IDataValidator
{
    /// <summary>Infers the schema of the public readable properties of <typeparamref name="T"/> (numbers, booleans, timestamps, strings, enums).</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="reference">The reference set, read once; must not be empty.</param>
    /// <param name="cancellationToken">Stops the pass between records.</param>
    /// <returns>The schema.</returns>
    DataSchema InferSchema<T>(IEnumerable<T?> reference, CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>Checks a batch of typed records against a schema; its property set is compared with the schema's columns.</summary>
    /// <typeparam name="T">The record type of the batch (need not be the reference's type).</typeparam>
    /// <param name="schema">The schema.</param>
    /// <param name="batch">The batch, read once.</param>
    /// <param name="cancellationToken">Stops the pass between records.</param>
    /// <returns>The anomalies with the thresholds used.</returns>
    ValidationReport Validate<T>(DataSchema schema, IEnumerable<T?> batch, CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>
    /// Checks dictionary/CSV-like rows (column name to text) against a schema, parsing each cell as its
    /// column's type. Column names match as the folder source maps CSV headers: ignoring case and the
    /// separators <c>_</c>, <c>-</c>, <c>.</c> and space.
    /// </summary>
    /// <param name="schema">The schema.</param>
    /// <param name="rows">The rows, read once; a key absent from a row counts as null.</param>
    /// <param name="cancellationToken">Stops the pass between rows.</param>
    /// <returns>The anomalies with the thresholds used.</returns>
    ValidationReport ValidateRows(DataSchema schema, IEnumerable<IReadOnlyDictionary<string, string?>> rows, CancellationToken cancellationToken = default);
}
