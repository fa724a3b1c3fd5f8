namespace MlValue.State;

/// <summary>
/// The seam for state documents that several processes share (for example an annotation queue): a document per
/// key, replaced whole and only by compare-and-swap on its revision, so two writers never lose each other's change.
/// A writer loads a document, changes it, and saves it with the revision it loaded; if another writer saved in
/// between, the save returns <see langword="null"/> and the writer loads again.
/// </summary>
public interface IStateStore
{
    /// <summary>Loads a document.</summary>
    /// <param name="key">The document's key: 1 to 128 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The document and its revision, or <see langword="null"/> when none was saved under the key.</returns>
    /// <exception cref="ArgumentException">The key is not valid.</exception>
    /// <exception cref="StateStoreException">The store failed; the message names the key and the remedy.</exception>
    Task<StateEntry?> LoadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Saves a document if its revision is still <paramref name="expectedRevision"/>.</summary>
    /// <param name="key">The document's key.</param>
    /// <param name="content">The whole document.</param>
    /// <param name="expectedRevision">The revision that was loaded, or <see langword="null"/> when the key must not exist yet.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>The new revision (1 for a new document, then one more per save), or <see langword="null"/> when another
    /// save came first (load again, reapply the change, save again). A save is all or nothing.</returns>
    /// <exception cref="ArgumentException">The key is not valid.</exception>
    /// <exception cref="StateStoreException">The store failed; the message names the key and the remedy.</exception>
    Task<long?> TrySaveAsync(string key, ReadOnlyMemory<byte> content, long? expectedRevision, CancellationToken cancellationToken = default);
}
