using Microsoft.ML;
using MlValue.Internal;

namespace MlValue.Training;

/// <summary>Bridges between training sets and ML.NET data views.</summary>
public static class MlNetTrainingSetExtensions
{
    extension<TRecord>(TrainingSet<TRecord>)
        where TRecord : class, new()
    {
        /// <summary>Creates a training set from an ML.NET data view, for example a large file read by <c>LoadFromTextFile</c>.</summary>
        /// <param name="dataView">The data view; its column names are the ones the trainer options refer to.</param>
        /// <param name="datasetIds">The id(s) of the dataset(s) the rows come from.</param>
        /// <param name="seed">The seed.</param>
        /// <returns>The training set.</returns>
        public static TrainingSet<TRecord> FromDataView(IDataView dataView, IReadOnlyList<string> datasetIds, int seed)
        {
            Guard.NotNull(dataView);
            var records = new MLContext(seed).Data.CreateEnumerable<TRecord>(dataView, reuseRowObject: false);
            return TrainingSet<TRecord>.FromRawRepresentation(records, dataView, datasetIds, seed);
        }
    }

    /// <summary>The rows as an ML.NET data view: the set's own view, or its records streamed into one.</summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="data">The training set.</param>
    /// <param name="mlContext">The context of the training.</param>
    /// <returns>The data view.</returns>
    public static IDataView ToDataView<TRecord>(this TrainingSet<TRecord> data, MLContext mlContext)
        where TRecord : class, new()
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(mlContext);
        return data.RawRepresentation as IDataView ?? mlContext.Data.LoadFromEnumerable(data.Records);
    }
}
