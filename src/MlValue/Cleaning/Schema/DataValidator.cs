namespace MlValue.Cleaning;

/// <summary>The default <see cref="IDataValidator"/>: one streaming pass per call, compiled property getters, no boxing.</summary>
public sealed partial class DataValidator : IDataValidator
{
    private readonly CleaningOptions _options;

    /// <summary>Creates a validator with the given options (copied and checked).</summary>
    /// <param name="options">The options; see <see cref="CleaningOptions"/> for the defaults.</param>
    /// <exception cref="CleaningException">An option is out of its range; the message names the setting.</exception>
    public DataValidator(CleaningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        CleaningOptionsValidator.ThrowIfInvalid(options);
        _options = Copy(options);
    }

    /// <inheritdoc/>
    public DataSchema InferSchema<T>(IEnumerable<T?> reference, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(reference);
        var columns = ColumnReader<T>.Instance.Columns.Where(c => !Listed(_options.ExcludedColumns, c.Name)).ToList();
        if (columns.Count == 0)
        {
            throw new CleaningException($"{typeof(T).Name} has no public readable property of a supported type (number, bool, DateTime, DateTimeOffset, string, enum); there is no schema to infer.");
        }

        var profilers = columns.Select(c => new ColumnProfiler(c.Name, c.Type, _options.MaxCategories)).ToArray();
        long rows = 0;
        foreach (var record in reference)
        {
            if ((rows++ & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (var i = 0; i < profilers.Length; i++)
            {
                profilers[i].Observe(record is null ? ColumnValue.Missing : columns[i].Read(record));
            }
        }

        if (rows == 0)
        {
            throw new CleaningException($"The reference set of {typeof(T).Name} is empty, so no range, category or null rate can be learned. Infer the schema from a set with rows.");
        }

        var excluded = ColumnReader<T>.Instance.Columns.Where(c => Listed(_options.ExcludedColumns, c.Name)).Select(c => c.Name).ToList();
        return new DataSchema
        {
            Rows = rows,
            MaxCategories = _options.MaxCategories,
            Columns = [.. profilers.Select(p => p.Build()).Select(c => Listed(_options.EventTimeColumns, c.Name) ? WithEventTime(c) : c)],
            ExcludedColumns = excluded.Count == 0 ? null : excluded,
        };
    }

    private static CleaningOptions Copy(CleaningOptions o) => new CleaningOptions
    {
        MaxCategories = o.MaxCategories,
        UnseenCategoryTolerance = o.UnseenCategoryTolerance,
        OutOfRangeTolerance = o.OutOfRangeTolerance,
        NullRateTolerance = o.NullRateTolerance,
        TypeMismatchTolerance = o.TypeMismatchTolerance,
        ErrorShare = o.ErrorShare,
        MaxExamples = o.MaxExamples,
        CategoryShareTolerance = o.CategoryShareTolerance,
        CategorySharePValue = o.CategorySharePValue,
    }.WithColumns(o.EventTimeColumns, o.ExcludedColumns);
}
