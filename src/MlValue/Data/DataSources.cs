using System.Diagnostics.Metrics;

namespace MlValue.Data;

/// <summary>Creates the built-in incremental data sources.</summary>
public static class DataSources
{
    /// <summary>
    /// A source over a folder into which CSV (with a header row) or JSONL files arrive. Files are
    /// read in ordinal order of their names; new files and lines appended to known files are read
    /// next time. Columns map to properties of <typeparamref name="T"/> by name, ignoring case.
    /// Bad lines become read errors of the batch with file, line, column and reason.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="name">The source name and checkpoint key: letters, digits, '.', '_' or '-'.</param>
    /// <param name="folder">The folder the files arrive in (checked on each read).</param>
    /// <param name="format">The file format; it also selects the files (<c>*.csv</c> or <c>*.jsonl</c>).</param>
    /// <param name="checkpoints">Where the checkpoint is kept.</param>
    /// <param name="options">Batch size, field length, unknown columns and non-finite numbers; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock of <see cref="DataBatch{T}.ReadAt"/>; <see langword="null"/> for the system clock.</param>
    /// <param name="meterFactory">The container's meter factory, which creates the meter the source's reads are counted on; <see langword="null"/> for MlValue's shared meter.</param>
    /// <returns>The source.</returns>
    public static IDataSource<T> FromFolder<T>(string name, string folder, DataFileFormat format, ICheckpointStore checkpoints, DataOptions? options = null, TimeProvider? timeProvider = null, IMeterFactory? meterFactory = null)
        where T : class, new()
        => new FolderDataSource<T>(name, folder, format, checkpoints, options, timeProvider, meterFactory);
}
