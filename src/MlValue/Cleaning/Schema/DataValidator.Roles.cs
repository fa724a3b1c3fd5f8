using MlValue.Internal;

namespace MlValue.Cleaning;

/// <content>Columns with a role: event time (range never checked) and excluded (not profiled, not reported).</content>
public sealed partial class DataValidator
{
    private static bool Listed(IEnumerable<string> names, string column)
    {
        var key = ColumnNames.Key(column);
        return names.Any(n => ColumnNames.Key(n) == key);
    }

    private static bool Excluded(DataSchema schema, CleaningOptions options, string column)
        => Listed(options.ExcludedColumns, column) || (schema.ExcludedColumns is { } excluded && Listed(excluded, column));

    private static ColumnSchema WithEventTime(ColumnSchema c) => new()
    {
        Name = c.Name, Type = c.Type, NullRate = c.NullRate, Numeric = c.Numeric, Timestamp = c.Timestamp, Categories = c.Categories, Text = c.Text, IsEventTime = true,
    };
}

/// <summary>Copies the column lists of cleaning options.</summary>
internal static class CleaningOptionsCopy
{
    public static CleaningOptions WithColumns(this CleaningOptions options, IEnumerable<string> eventTime, IEnumerable<string> excluded)
    {
        foreach (var name in eventTime)
        {
            options.EventTimeColumns.Add(name);
        }

        foreach (var name in excluded)
        {
            options.ExcludedColumns.Add(name);
        }

        return options;
    }
}
