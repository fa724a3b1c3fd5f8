namespace MlValue.Data;

/// <summary>The format of the files of a folder source.</summary>
public enum DataFileFormat
{
    /// <summary>Comma-separated values with a header row (files <c>*.csv</c>), read with CsvHelper.</summary>
    Csv,

    /// <summary>One JSON object per line (files <c>*.jsonl</c>), read with System.Text.Json.</summary>
    Jsonl,
}
