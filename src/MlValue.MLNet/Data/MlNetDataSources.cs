using Microsoft.ML;

namespace MlValue.Data;

/// <summary>Data sources over ML.NET data views.</summary>
public static class MlNetDataSources
{
    extension(DataSources)
    {
        /// <summary>
        /// A source over an ML.NET <see cref="IDataView"/> whose rows only grow; the checkpoint is the
        /// row position, and each read streams a cursor past it.
        /// </summary>
        /// <typeparam name="T">The record type the rows map to (by column name).</typeparam>
        /// <param name="name">The source name and checkpoint key: letters, digits, '.', '_' or '-'.</param>
        /// <param name="mlContext">The ML.NET context.</param>
        /// <param name="data">The data view.</param>
        /// <param name="checkpoints">Where the checkpoint is kept.</param>
        /// <param name="options">The batch size; <see langword="null"/> for the defaults.</param>
        /// <param name="timeProvider">The clock of <see cref="DataBatch{T}.ReadAt"/>; <see langword="null"/> for the system clock.</param>
        /// <returns>The source.</returns>
        public static IDataSource<T> FromDataView<T>(string name, MLContext mlContext, IDataView data, ICheckpointStore checkpoints, DataOptions? options = null, TimeProvider? timeProvider = null)
            where T : class, new()
            => new DataViewDataSource<T>(name, mlContext, data, checkpoints, options, timeProvider);
    }
}
