using System.Globalization;

namespace MlValue.Data;

/// <content>Reading JSONL files: one JSON object per line, from the byte offset of the checkpoint.</content>
internal sealed partial class FolderDataSource<T>
{
    private FileMark ReadJsonl(string file, Stream stream, FileMark mark, int budget, List<T> records, List<DataReadError> errors, CancellationToken cancellationToken)
    {
        var reader = new LineReader(stream, mark.Bytes, MaxLineBytes);
        var lines = mark.Lines;
        var taken = 0;
        while (taken < budget && reader.TryRead(out var line, out var tooLong))
        {
            cancellationToken.ThrowIfCancellationRequested();
            lines++;
            if (lines == 1 && line.Span.StartsWith("\uFEFF"u8))
            {
                line = line[3..];
            }

            if (tooLong)
            {
                errors.Add(new DataReadError(file, lines, null, string.Create(CultureInfo.InvariantCulture, $"line is longer than {MaxLineBytes} bytes (16 x MaxFieldLength) and was skipped; shorten its fields or raise MlValue:Data:MaxFieldLength")));
                taken++;
                continue;
            }

            if (line.Span.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            var (record, column, reason) = JsonRecordReader.Read(line, _shape, _options);
            if (reason is not null)
            {
                errors.Add(new DataReadError(file, lines, column, reason));
            }
            else
            {
                records.Add((T)record!);
            }

            taken++;
        }

        return new FileMark { Bytes = reader.Offset, Lines = lines };
    }
}
