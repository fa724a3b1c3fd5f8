using System.Globalization;
using CsvHelper;

namespace MlValue.Data;

/// <content>Reading CSV files with CsvHelper: a header row, then records from the byte offset of the checkpoint.</content>
internal sealed partial class FolderDataSource<T>
{
    private FileMark ReadCsv(string file, Stream stream, FileMark mark, int budget, List<T> records, List<DataReadError> errors, CancellationToken cancellationToken)
    {
        var continuing = mark.Bytes > 0;
        string[] header;
        using (var headerReader = CsvReader.Create(stream, Options(hasHeader: true, file, 0, errors), leaveOpen: true))
        {
            headerReader.ReadHeader();
            header = headerReader.Headers.ToArray();
        }

        if (header.Length == 0)
        {
            errors.Add(new DataReadError(file, 1, null, "file has no header row; the first line of a CSV file must name the columns"));
            return new FileMark { Bytes = stream.Length, Lines = 0 };
        }

        var properties = header.Select(_shape.Find).ToArray();
        var unknown = header.Where((c, i) => properties[i] is null).ToList();
        if (unknown.Count > 0 && _options.UnknownColumns == UnknownColumnHandling.Report)
        {
            errors.Add(new DataReadError(file, 1, string.Join(", ", unknown), $"unknown column: '{_shape.Type.Name}' has no property named so; the file is left unread until you add the property or set MlValue:Data:UnknownColumns to Ignore"));
            return mark;
        }

        stream.Seek(mark.Bytes, SeekOrigin.Begin);
        var lineBase = continuing ? mark.Lines : 0;
        using var reader = CsvReader.Create(stream, Options(hasHeader: !continuing, file, lineBase, errors), leaveOpen: true);
        var taken = 0;
        long lastLine = lineBase + 1;
        try
        {
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (taken == budget)
                {
                    return new FileMark { Bytes = mark.Bytes + reader.ByteOffset, Lines = lineBase + reader.LineNumber - 1 };
                }

                lastLine = lineBase + reader.LineNumber;
                AddCsvRecord(file, lastLine, reader, properties, records, errors);
                lastLine += CountLineBreaks(reader.RawRecord);
                taken++;
            }
        }
        catch (CsvFormatException e)
        {
            errors.Add(new DataReadError(file, lineBase + Math.Max(e.LineNumber, 1), null, $"the CSV cannot be parsed from here on ({e.Message}); the rest of the file was not read. Fix the file and add it again under a new name"));
        }

        return new FileMark { Bytes = stream.Length, Lines = lastLine };
    }

    private CsvReaderOptions Options(bool hasHeader, string file, long lineBase, List<DataReadError> errors) => CsvReaderOptions.Default with
    {
        HasHeader = hasHeader,
        Separator = ',',
        TrackLineNumbers = true,
        TrimWhitespace = false,
        MalformedData = CsvMalformedDataHandling.Skip,
        FieldCountMismatch = CsvFieldCountHandling.Skip,
        MaxRecordSize = MaxLineBytes,
        FormatProvider = CultureInfo.InvariantCulture,
        OnMalformedRecord = r => errors.Add(new DataReadError(file, lineBase + r.LineNumber, null, $"malformed CSV ({r.Reason}); the record was skipped. Quote fields that hold commas, quotes or line breaks, double the quotes inside them, and give every row as many fields as the header")),
    };

    private void AddCsvRecord(string file, long line, CsvReader reader, RecordProperty?[] properties, List<T> records, List<DataReadError> errors)
    {
        var record = new T();
        for (var i = 0; i < properties.Length; i++)
        {
            var field = reader.GetString(i) ?? string.Empty;
            var property = properties[i];
            object? value = null;
            var reason = property is null ? ValueParser.CheckLength(field, _options) : ValueParser.TryParse(field, property, _options, out value);
            if (reason is not null)
            {
                errors.Add(new DataReadError(file, line, property?.Name ?? string.Create(CultureInfo.InvariantCulture, $"#{i + 1}"), reason));
                return;
            }

            property?.Set(record, value);
        }

        records.Add(record);
    }

    private static int CountLineBreaks(ReadOnlySpan<byte> raw) => raw.Count((byte)'\n');
}
