using System.Globalization;

namespace MlValue.Data;

/// <summary>
/// One record that a source could not deliver, with where it was and why. The rest of the batch
/// still comes through: a bad line is reported, never silently dropped.
/// </summary>
public sealed class DataReadError
{
    /// <summary>Creates a read error.</summary>
    /// <param name="file">The file (or other unit of the source), if any.</param>
    /// <param name="line">The 1-based line, if known.</param>
    /// <param name="column">The column or property, if known.</param>
    /// <param name="reason">What was wrong and how to fix it.</param>
    public DataReadError(string? file, long? line, string? column, string reason)
    {
        File = file;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>The file name (relative to the source folder), or <see langword="null"/> for sources without files.</summary>
    public string? File { get; }

    /// <summary>The 1-based line (or row position for non-file sources), or <see langword="null"/> when the error concerns a whole file.</summary>
    public long? Line { get; }

    /// <summary>The column or property, or <see langword="null"/> when the error concerns a whole line.</summary>
    public string? Column { get; }

    /// <summary>What was wrong and how to fix it.</summary>
    public string Reason { get; }

    /// <inheritdoc/>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{File ?? "-"}:{Line?.ToString(CultureInfo.InvariantCulture) ?? "-"} [{Column ?? "-"}] {Reason}");
}
