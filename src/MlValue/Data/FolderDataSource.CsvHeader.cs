using System.Globalization;

namespace MlValue.Data;

/// <content>The header row of a CSV file: the columns every row is read and counted against.</content>
internal sealed partial class FolderDataSource<T>
{
    /// <summary>
    /// The column names from the first record of the file, or null when the file cannot be read yet:
    /// its header is not complete (then <paramref name="blocked"/> is the mark as it was) or has a
    /// problem, reported once per file length (then the file stays unread).
    /// </summary>
    private string[]? ReadCsvHeader(string file, Stream stream, FileMark mark, long length, List<DataReadError> errors, out FileMark headerEnd, out FileMark blocked)
    {
        headerEnd = blocked = mark;
        var framer = new RecordFramer(stream, 0, MaxLineBytes, quoted: true);
        if (!framer.TryRead(out var frame))
        {
            return null;
        }

        var bytes = frame.Bytes.Span.StartsWith("\uFEFF"u8) ? frame.Bytes[3..] : frame.Bytes;
        string[]? header = null;
        string? column = null;
        string? problem;
        if (frame.Kind != FrameKind.Record)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"the header row is over {MaxLineBytes} bytes or has a quote that is not closed");
        }
        else if (bytes.IsEmpty)
        {
            problem = "the file has no header row; the first line of a CSV file must name the columns";
        }
        else
        {
            header = new CsvRecordParser().Parse(bytes, out problem, out var invalid, out var invalidReason);
            problem = problem is not null ? $"the header row is malformed CSV ({problem})" : invalid >= 0 ? $"the header row: {invalidReason}" : null;
        }

        if (problem is null && _options.UnknownColumns == UnknownColumnHandling.Report)
        {
            var unknown = header!.Where(c => _shape.Find(c) is null).ToList();
            column = unknown.Count > 0 ? string.Join(", ", unknown) : null;
            problem = unknown.Count > 0 ? $"unknown column: '{_shape.Type.Name}' has no property named so" : null;
        }

        string? fixMissing = null;
        if (problem is null)
        {
            var present = header!.Select(c => _shape.Find(c)).Where(p => p is not null).ToHashSet();
            var missing = _shape.Columns.Where(p => !present.Contains(p) && !_options.ColumnsWithDefaults.Contains(p.Name, StringComparer.OrdinalIgnoreCase)).Select(p => p.Name).ToList();
            if (missing.Count > 0)
            {
                column = string.Join(", ", missing);
                problem = $"missing column: the header has no column for {(missing.Count == 1 ? "the property" : "the properties")} {string.Join(", ", missing.Select(m => $"'{_shape.Type.Name}.{m}'"))}, so every row would get the default value";
                fixMissing = "add the column to the file (and add it again under a new name), or list the property in MlValue:Data:ColumnsWithDefaults to read its default";
            }
        }

        if (problem is not null)
        {
            var fix = fixMissing ?? (column is null ? "fix the header and add the file again under a new name" : "add the property or set MlValue:Data:UnknownColumns to Ignore");
            blocked = Blocked(mark, length, new DataReadError(file, 1, column, $"{problem}; the file is left unread until you {fix}"), errors);
            return null;
        }

        headerEnd = new FileMark { Bytes = framer.Offset, Lines = frame.Lines };
        return header;
    }
}
