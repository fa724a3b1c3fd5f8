namespace MlValue.Data;

/// <content>Reading JSONL files: one JSON object per complete line, from the byte offset of the checkpoint.</content>
internal sealed partial class FolderDataSource<T>
{
    private FileMark ReadJsonl(string file, Stream stream, FileMark mark, int budget, List<T> records, List<DataReadError> errors, CancellationToken cancellationToken)
    {
        var framer = new RecordFramer(stream, mark.Bytes, MaxLineBytes, quoted: false);
        var lines = mark.Lines;
        var taken = 0;
        while (taken < budget && framer.TryRead(out var frame))
        {
            cancellationToken.ThrowIfCancellationRequested();
            lines++;
            var line = lines == 1 && frame.Bytes.Span.StartsWith("\uFEFF"u8) ? frame.Bytes[3..] : frame.Bytes;
            if (frame.Kind == FrameKind.TooLong)
            {
                errors.Add(TooLong(file, lines));
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

        return new FileMark { Bytes = framer.Offset, Lines = lines };
    }
}
