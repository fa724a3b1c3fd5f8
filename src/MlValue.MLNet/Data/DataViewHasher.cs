using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlValue.Data;

/// <summary>
/// Hashes an <see cref="IDataView"/> by streaming one cursor over all its visible columns, so the
/// rows never exist as .NET objects all at once. Uses the same canonical encoding as records.
/// </summary>
internal static class DataViewHasher
{
    public static DatasetSchema SchemaOf(IDataView view)
    {
        var columns = new List<DatasetColumn>();
        foreach (var column in Visible(view))
        {
            columns.Add(DatasetColumn.Of(column.Name, KindOf(column)));
        }

        return new DatasetSchema(columns);
    }

    public static long Hash(IDataView view, DatasetHasher hasher, CancellationToken cancellationToken)
    {
        var columns = Visible(view).ToArray();
        long rows = 0;
        using (var cursor = view.GetRowCursor(columns))
        {
            var appenders = columns.Select(c => Appender(cursor, c, hasher)).ToArray();
            while (cursor.MoveNext())
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var append in appenders)
                {
                    append();
                }

                rows++;
            }
        }

        return rows;
    }

    private static IEnumerable<DataViewSchema.Column> Visible(IDataView view)
        => view.Schema.Where(c => !c.IsHidden).OrderBy(c => c.Name, StringComparer.Ordinal);

    private static ColumnKind KindOf(DataViewSchema.Column column)
    {
        var type = column.Type;
        if (type is TextDataViewType) return ColumnKind.String;
        if (type is BooleanDataViewType) return ColumnKind.Boolean;
        if (type is DateTimeDataViewType) return ColumnKind.DateTime;
        if (type is DateTimeOffsetDataViewType) return ColumnKind.DateTimeOffset;
        if (type == NumberDataViewType.Int32) return ColumnKind.Int32;
        if (type == NumberDataViewType.Int64) return ColumnKind.Int64;
        if (type == NumberDataViewType.Single) return ColumnKind.Single;
        if (type == NumberDataViewType.Double) return ColumnKind.Double;
        throw new DatasetException(
            $"Column '{column.Name}' of the data view has type '{type}', which a dataset cannot hash. Datasets hold scalar text, bool, int32, int64, float32, float64, DateTime or DateTimeOffset columns: create the dataset from the raw data before featurizing, or drop the column with mlContext.Transforms.DropColumns.");
    }

    private static Action Appender(DataViewRowCursor cursor, DataViewSchema.Column column, DatasetHasher hasher)
    {
        switch (KindOf(column))
        {
            case ColumnKind.String:
                var text = cursor.GetGetter<ReadOnlyMemory<char>>(column);
                return () => { ReadOnlyMemory<char> v = default; text(ref v); hasher.AppendString(v.Span); };
            case ColumnKind.Boolean:
                var flag = cursor.GetGetter<bool>(column);
                return () => { bool v = default; flag(ref v); hasher.AppendBoolean(v); };
            case ColumnKind.Int32:
                var i32 = cursor.GetGetter<int>(column);
                return () => { int v = default; i32(ref v); hasher.AppendInt32Value(v); };
            case ColumnKind.Int64:
                var i64 = cursor.GetGetter<long>(column);
                return () => { long v = default; i64(ref v); hasher.AppendInt64Value(v); };
            case ColumnKind.Single:
                var f32 = cursor.GetGetter<float>(column);
                return () => { float v = default; f32(ref v); hasher.AppendSingle(v); };
            case ColumnKind.Double:
                var f64 = cursor.GetGetter<double>(column);
                return () => { double v = default; f64(ref v); hasher.AppendDouble(v); };
            case ColumnKind.DateTime:
                var dt = cursor.GetGetter<DateTime>(column);
                return () => { DateTime v = default; dt(ref v); hasher.AppendDateTime(v); };
            default:
                var dto = cursor.GetGetter<DateTimeOffset>(column);
                return () => { DateTimeOffset v = default; dto(ref v); hasher.AppendDateTimeOffset(v); };
        }
    }
}
