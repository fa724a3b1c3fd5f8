using System.Diagnostics.Metrics;
using MlValue.Diagnostics;

namespace MlValue.Data;

/// <summary>
/// A data source over a folder into which CSV or JSONL files arrive. Files are read in ordinal
/// order of their names; the checkpoint remembers, per file, the bytes and lines consumed, so a
/// new file or lines appended to a known file are read next time and nothing is read twice. Only
/// complete lines are read (a last line without its line break waits for it), and every bad line
/// or file is reported once as a <see cref="DataReadError"/>.
/// </summary>
/// <typeparam name="T">The record type; columns map to its properties by name, ignoring case.</typeparam>
internal sealed partial class FolderDataSource<T> : IDataSource<T>
    where T : class, new()
{
    private readonly SourceCheckpoint _checkpoint;
    private readonly string _folder;
    private readonly DataFileFormat _format;
    private readonly DataOptions _options;
    private readonly RecordColumns _shape = RecordColumns.Of<T>();

    public FolderDataSource(string name, string folder, DataFileFormat format, ICheckpointStore checkpoints, DataOptions? options, TimeProvider? timeProvider, IMeterFactory? meterFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Use DataFileFormat.Csv or DataFileFormat.Jsonl.");
        }

        _checkpoint = new SourceCheckpoint(name, checkpoints, timeProvider, meterFactory);
        _folder = Path.GetFullPath(folder);
        _format = format;
        _options = DataOptionsValidator.Checked(options);
    }

    public string Name => _checkpoint.Name;

    private int MaxLineBytes => (int)Math.Min(int.MaxValue / 2, 16L * _options.MaxFieldLength);

    public async Task<DataBatch<T>> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(_folder))
        {
            throw new DataSourceException($"The folder '{_folder}' of data source '{Name}' does not exist. Create it, or fix the folder given to DataSources.FromFolder.");
        }

        var from = await _checkpoint.LoadAsync(cancellationToken).ConfigureAwait(false);
        var checkpoint = FolderCheckpoint.Parse(Name, from);
        var records = new List<T>();
        var errors = new List<DataReadError>();
        var pattern = _format == DataFileFormat.Csv ? "*.csv" : "*.jsonl";
        var files = Directory.GetFiles(_folder, pattern).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var budget = _options.MaxBatchRecords - records.Count - errors.Count;
            if (budget <= 0)
            {
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var mark = checkpoint.Files.GetValueOrDefault(file) ?? new FileMark();
            var length = Length(file);
            if (mark.Bytes == length && checkpoint.Files.ContainsKey(file))
            {
                continue;
            }

            if (length < mark.Bytes)
            {
                var shrank = new DataReadError(file, null, null, $"file shrank from {mark.Bytes} to {length} bytes since it was read; files in a source folder may only grow. Restore it, or move it out and add its content as a new file");
                checkpoint.Files[file] = Blocked(mark, length, shrank, errors);
                continue;
            }

            if (length == 0)
            {
                errors.Add(new DataReadError(file, null, null, "file is empty; write files elsewhere and move them into the folder when complete"));
                checkpoint.Files[file] = mark;
                continue;
            }

            checkpoint.Files[file] = Read(file, mark, length, budget, records, errors, cancellationToken);
        }

        var to = checkpoint.Serialize();
        return _checkpoint.Batch<T>(records, errors, from, to);
    }

    public Task CommitAsync(DataBatch<T> batch, CancellationToken cancellationToken = default)
        => _checkpoint.CommitAsync(batch, cancellationToken);

    private FileMark Read(string file, FileMark mark, long length, int budget, List<T> records, List<DataReadError> errors, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_folder, file);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return _format == DataFileFormat.Csv
                ? ReadCsv(file, stream, mark, length, budget, records, errors, cancellationToken)
                : ReadJsonl(file, stream, mark, budget, records, errors, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataSourceException($"File '{path}' of data source '{Name}' cannot be read: {e.Message} Check that this process may read it, or move it out of the folder.", e);
        }
    }

    private long Length(string file)
    {
        try
        {
            return new FileInfo(Path.Combine(_folder, file)).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataSourceException($"File '{Path.Combine(_folder, file)}' of data source '{Name}' cannot be read: {e.Message} Check that this process may read it, or move it out of the folder.", e);
        }
    }
}
