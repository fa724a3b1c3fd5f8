using MlValue.Internal;
namespace MlValue.Cleaning;

/// <content>Validation of batches.</content>
public sealed partial class DataValidator
{
    /// <inheritdoc/>
    public ValidationReport Validate<T>(DataSchema schema, IEnumerable<T?> batch, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(batch);
        var byName = ColumnReader<T>.Instance.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var checks = new List<(ColumnCheck Check, Func<T, ColumnValue> Read)>();
        foreach (var column in schema.Columns)
        {
            if (byName.TryGetValue(column.Name, out var property) && Compatible(property.Type, column.Type))
            {
                checks.Add((new ColumnCheck(column, _options.MaxExamples), property.Read));
            }
        }

        long row = 0;
        foreach (var record in batch)
        {
            if ((row & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            foreach (var (check, read) in checks)
            {
                check.Observe(record is null ? ColumnValue.Missing : read(record), row);
            }

            row++;
        }

        var structural = new List<DataAnomaly>();
        foreach (var column in schema.Columns)
        {
            if (!byName.TryGetValue(column.Name, out var property))
            {
                structural.Add(Missing(column, typeof(T).Name + " has no such property", row));
            }
            else if (!Compatible(property.Type, column.Type))
            {
                structural.Add(TypeMismatch(column, property.Type, row));
            }
        }

        structural.AddRange(byName.Keys.Where(n => schema.Find(n) is null && !Excluded(schema, _options, n)).Select(n => Unexpected(n, "property of " + typeof(T).Name, row, row)));
        return Report(schema, row, structural, checks.Select(c => c.Check));
    }

    /// <inheritdoc/>
    public ValidationReport ValidateRows(DataSchema schema, IEnumerable<IReadOnlyDictionary<string, string?>> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(rows);
        var checks = schema.Columns.Select(c => new ColumnCheck(c, _options.MaxExamples)).ToArray();
        var seen = new bool[checks.Length];
        var unexpected = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var schemaKeys = schema.Columns.Select(c => ColumnNames.Key(c.Name)).ToHashSet(StringComparer.Ordinal);
        var known = new Dictionary<string, bool>(StringComparer.Ordinal);
        long row = 0;
        foreach (var cells in rows)
        {
            if ((row & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (var i = 0; i < checks.Length; i++)
            {
                string? text = null;
                seen[i] |= cells is not null && TryGetCell(cells, checks[i].Schema.Name, out text);
                if (ValueParser.TryParse(checks[i].Schema.Type, text, out var value))
                {
                    checks[i].Observe(value, row);
                }
                else
                {
                    checks[i].ParseFailure(text!, row);
                }
            }

            if (cells is not null && cells.Count > 0)
            {
                foreach (var key in cells.Keys)
                {
                    if (!known.TryGetValue(key, out var isKnown))
                    {
                        isKnown = schemaKeys.Contains(ColumnNames.Key(key)) || Excluded(schema, _options, key);
                        known[key] = isKnown;
                    }

                    if (!isKnown)
                    {
                        unexpected[key] = unexpected.GetValueOrDefault(key) + 1;
                    }
                }
            }

            row++;
        }

        var structural = new List<DataAnomaly>();
        var present = new List<ColumnCheck>();
        for (var i = 0; i < checks.Length; i++)
        {
            if (seen[i] || row == 0)
            {
                present.Add(checks[i]);
            }
            else
            {
                structural.Add(Missing(checks[i].Schema, "no row has this column", row));
            }
        }

        structural.AddRange(unexpected.Select(n => Unexpected(n.Key, "column", n.Value, row)));
        return Report(schema, row, structural, present);
    }

    /// <summary>Finds a cell by column name as the folder source maps headers to properties (ignoring case and separators).</summary>
    private static bool TryGetCell(IReadOnlyDictionary<string, string?> cells, string name, out string? text)
    {
        if (cells.TryGetValue(name, out text))
        {
            return true;
        }

        var wanted = ColumnNames.Key(name);
        foreach (var (key, value) in cells)
        {
            if (ColumnNames.Key(key) == wanted)
            {
                text = value;
                return true;
            }
        }

        return false;
    }

    private ValidationReport Report(DataSchema schema, long rows, List<DataAnomaly> structural, IEnumerable<ColumnCheck> checks)
        => new(rows, schema.Rows, Copy(_options), [.. structural, .. checks.SelectMany(c => c.Anomalies(_options))]);
}
