using Microsoft.ML;

namespace MlValue.Training;

/// <summary>
/// The rows the training metrics are computed on: all of them up to the sample size, else a seeded random
/// sample of about that many (ML.NET's streaming split: a seeded random number per row and a range filter,
/// so nothing is materialised and the same seed picks the same rows).
/// </summary>
internal static class TrainingMetricsSample
{
    public static IDataView Of(MLContext ml, IDataView data, long rowCount, int? sampleSize, int seed)
    {
        if (sampleSize is not { } size || rowCount <= size)
        {
            return data;
        }

        return ml.Data.TrainTestSplit(data, testFraction: (double)size / rowCount, seed: seed).TestSet;
    }
}
