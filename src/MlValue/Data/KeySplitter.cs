using System.IO.Hashing;
using System.Text;

namespace MlValue.Data;

/// <summary>
/// Assigns a key to a split part by its XxHash64 (seed 0) over UTF-8, mapped to [0, 1): the
/// same key lands in the same part on any machine and in every re-training, whatever else is added.
/// </summary>
internal static class KeySplitter
{
    public static DataSplitPart Assign(string? key, SplitFractions fractions, long? row)
    {
        if (key is null)
        {
            throw new DatasetException($"The split key of {(row is null ? "a row" : $"row {row} (0-based)")} is null. Every row needs a key (for example an id) so it keeps its split across re-trainings; fix the key selector or clean the rows without one first.");
        }

        var unit = (XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(key)) >> 11) * (1.0 / (1UL << 53));
        if (unit < fractions.Train)
        {
            return DataSplitPart.Train;
        }

        return unit < fractions.Train + fractions.Validation ? DataSplitPart.Validation : DataSplitPart.Test;
    }
}
