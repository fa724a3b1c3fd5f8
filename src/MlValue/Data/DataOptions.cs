namespace MlValue.Data;

/// <summary>Options of the data stage, bound from the <c>MlValue:Data</c> configuration section.</summary>
public class DataOptions
{
    internal const int DefaultMaxBatchRecords = 10_000;

    /// <summary>
    /// The folder of the checkpoint files, relative to <c>MlValue:RootDirectory</c> unless rooted.
    /// Default: <c>checkpoints</c>.
    /// </summary>
    public string CheckpointDirectory { get; set; } = "checkpoints";

    /// <summary>
    /// The folder of the <see cref="FileDatasetStore"/>, relative to <c>MlValue:RootDirectory</c> unless rooted.
    /// Default: <c>datasets</c>.
    /// </summary>
    public string DatasetDirectory { get; set; } = "datasets";

    /// <summary>The most records (lines) one read of a source returns. Default: 10,000 records.</summary>
    public int MaxBatchRecords { get; set; } = DefaultMaxBatchRecords;

    /// <summary>
    /// The longest field a folder source accepts, in characters; a longer field makes its line a
    /// read error. A line longer than 16 times this (in bytes) is skipped without being buffered.
    /// Default: 1,048,576 characters (1 Mi).
    /// </summary>
    public int MaxFieldLength { get; set; } = 1 << 20;

    /// <summary>What a folder source does with a column that no property of the record type has. Default: <see cref="UnknownColumnHandling.Report"/>.</summary>
    public UnknownColumnHandling UnknownColumns { get; set; } = UnknownColumnHandling.Report;

    /// <summary>
    /// The properties of the record type that a CSV file may lack; the records of such a file get the
    /// property's default value for them. Any other property missing from a file's header is a read
    /// error of that file (line 1), reported once, and the file stays unread. Default: empty.
    /// </summary>
    public IList<string> ColumnsWithDefaults { get; } = [];

    /// <summary>Whether float and double fields may be NaN or ±Infinity; when false such a field is a read error. Default: <see langword="false"/>.</summary>
    public bool AllowNonFiniteNumbers { get; set; }

    /// <summary>
    /// Whether a JSONL field of a number column may be a JSON string that holds the number, such as
    /// <c>"2"</c> (as System.Text.Json's <c>AllowReadingFromString</c>); when false such a field is a
    /// wrong-type read error. <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c> in float and double
    /// columns are governed by <see cref="AllowNonFiniteNumbers"/> alone. CSV fields are text and always
    /// parsed. Default: <see langword="false"/>.
    /// </summary>
    public bool AllowNumbersAsStrings { get; set; }
}
