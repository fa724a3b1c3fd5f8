namespace MlValue.Data;

/// <content>Deterministic splits by key hash.</content>
public sealed partial class Dataset<T>
{
    /// <summary>
    /// Splits the dataset into train, validation and test by the hash of a key (for example a
    /// message id): a key lands in the same part on every machine and in every re-training,
    /// however many rows are added later, so no row leaks from test into train. Each part is a
    /// dataset whose provenance names this dataset as its parent.
    /// </summary>
    /// <param name="keySelector">Selects the stable key of a record; it must not return null.</param>
    /// <param name="fractions">The fractions; <see langword="null"/> for <see cref="SplitFractions.Default"/> (0.8/0.1/0.1).</param>
    /// <returns>The three parts.</returns>
    /// <exception cref="DatasetException">A key is null.</exception>
    public DatasetSplit<T> Split(Func<T, string> keySelector, SplitFractions? fractions = null)
    {
        ArgumentNullException.ThrowIfNull(keySelector);
        fractions ??= SplitFractions.Default;
        return new DatasetSplit<T>(Part(DataSplitPart.Train), Part(DataSplitPart.Validation), Part(DataSplitPart.Test));

        Dataset<T> Part(DataSplitPart part)
        {
            var provenance = Provenance.Derive(Id, $"split {part.ToString().ToLowerInvariant()} {fractions} by key hash");
            if (_records is not null)
            {
                long row = 0;
                return Dataset.FromRecords(_records.Where(r => KeySplitter.Assign(keySelector(r), fractions, row++) == part), provenance);
            }

            return _rows!.Where(r => KeySplitter.Assign(keySelector(r), fractions, row: null) == part, provenance);
        }
    }
}
