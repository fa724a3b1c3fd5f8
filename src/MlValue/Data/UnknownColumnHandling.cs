namespace MlValue.Data;

/// <summary>What a folder source does with a column (CSV header or JSON property) that no property of the record type has.</summary>
public enum UnknownColumnHandling
{
    /// <summary>The row is not delivered; it becomes a read error naming the column. The default.</summary>
    Report,

    /// <summary>The column is ignored and the row is delivered.</summary>
    Ignore,
}
