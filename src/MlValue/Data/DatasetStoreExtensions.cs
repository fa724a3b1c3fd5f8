namespace MlValue.Data;

/// <summary>Saves and loads <see cref="Dataset{T}"/>s in an <see cref="IDatasetStore"/>, verified against their content id.</summary>
public static class DatasetStoreExtensions
{
    /// <summary>
    /// Saves a dataset under its id (nothing happens when the id is already stored): the provenance and
    /// the rows, streamed as gzip-compressed JSON lines. The rows are hashed while they are written and
    /// must give the dataset's id, so what is stored is exactly what the id names.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="dataset">The dataset.</param>
    /// <param name="cancellationToken">Cancels the save; nothing is stored then.</param>
    /// <returns><see langword="true"/> when stored now, <see langword="false"/> when it was stored already.</returns>
    /// <exception cref="DatasetException">
    /// The dataset's id is not the hash of its records (a dataset made with <see cref="Dataset.FromRows"/>
    /// over an engine whose schema differs from the record type's), so it could never be verified on load.
    /// </exception>
    public static async Task<bool> SaveAsync<T>(this IDatasetStore store, Dataset<T> dataset, CancellationToken cancellationToken = default)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(dataset);
        var byRecords = dataset.Records is not null ? dataset : Dataset.FromRecords(dataset.AsEnumerable(), dataset.Provenance);
        if (byRecords.Id != dataset.Id)
        {
            throw new DatasetException($"Dataset {dataset.Id} ('{typeof(T).Name}' rows from source '{dataset.Provenance.Source}') was hashed over its engine's columns, and its records hash to {byRecords.Id}; it cannot be stored by content id. Store Dataset.FromRecords(dataset.AsEnumerable(), dataset.Provenance) and reference that id instead.");
        }

        return await store.WriteAsync(dataset.Id, (stream, token) => DatasetFile.WriteAsync(stream, byRecords, token), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads a dataset by its content id, streaming and decompressing the rows, and verifies them: the
    /// rows are hashed again and must give <paramref name="datasetId"/>.
    /// </summary>
    /// <typeparam name="T">The record type it was saved with.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="datasetId">The dataset's content id (for example from a run's <c>StepReference.Dataset</c>).</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The dataset, with the id asked for.</returns>
    /// <exception cref="DatasetException">The id is not stored, or not a content id.</exception>
    /// <exception cref="DatasetIntegrityException">The stored content is damaged or is not the dataset the id names; the message names the id and the file or row.</exception>
    public static async Task<Dataset<T>> LoadAsync<T>(this IDatasetStore store, string datasetId, CancellationToken cancellationToken = default)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(store);
        DatasetFile.CheckId(datasetId);
        var location = store.Locate(datasetId);
        var stream = await store.OpenReadAsync(datasetId, cancellationToken).ConfigureAwait(false)
            ?? throw new DatasetException($"Dataset {datasetId} is not in the dataset store ({location}). Save it with SaveAsync before a step references it, or check that every process uses the same store.");
        await using (stream.ConfigureAwait(false))
        {
            DatasetIntegrityException Fail(string problem, Exception? inner)
            {
                var message = $"Dataset {datasetId} at {location} cannot be used: {problem}. The stored content is damaged or was replaced; delete it and save the dataset again from its source.";
                return inner is null
                    ? new DatasetIntegrityException(message) { DatasetId = datasetId, Location = location }
                    : new DatasetIntegrityException(message, inner) { DatasetId = datasetId, Location = location };
            }

            var (header, records) = DatasetFile.Read<T>(stream, Fail);
            if (header.Id != datasetId)
            {
                throw Fail($"its header names dataset {header.Id}", null);
            }

            var dataset = Dataset.FromRecords(records, header.Provenance);
            return dataset.Id == datasetId
                ? dataset
                : throw Fail($"its rows hash to {dataset.Id} as '{typeof(T).Name}' records (saved as '{header.RecordType}')", null);
        }
    }
}
