namespace MlValue.Cleaning;

/// <content>Structural anomalies: missing, unexpected and mistyped columns.</content>
public sealed partial class DataValidator
{
    private static bool Compatible(ColumnType property, ColumnType schema)
        => property == schema || (property == ColumnType.Text && schema is ColumnType.Categorical or ColumnType.Text);

    private static DataAnomaly Missing(ColumnSchema column, string observed, long rows) => new()
    {
        Column = column.Name, Kind = AnomalyKind.MissingColumn, Severity = AnomalySeverity.Error,
        Expected = $"a {column.Type} column", Observed = observed, AffectedRows = rows, Share = 1,
        Message = $"Column {column.Name} of the schema is missing from the batch; the model cannot read it. Restore the column at the source, or infer a new schema if it was dropped on purpose.",
    };

    private static DataAnomaly Unexpected(string name, string what, long rows, long batchRows) => new()
    {
        Column = name, Kind = AnomalyKind.UnexpectedColumn, Severity = AnomalySeverity.Warning,
        Expected = "not in the schema", Observed = $"a {what}", AffectedRows = rows, Share = batchRows == 0 ? 0 : (double)rows / batchRows,
        Message = $"Column {name} is not in the schema, so it is not checked. Infer the schema again if it should be used, or drop it.",
    };

    private static DataAnomaly TypeMismatch(ColumnSchema column, ColumnType observed, long rows) => new()
    {
        Column = column.Name, Kind = AnomalyKind.TypeMismatch, Severity = AnomalySeverity.Error,
        Expected = column.Type.ToString(), Observed = observed.ToString(), AffectedRows = rows, Share = 1,
        Message = $"Column {column.Name} is {observed} in the batch but {column.Type} in the schema; convert it at the source or infer a new schema.",
    };
}
