using Microsoft.VisualStudio.TestTools.UnitTesting;
using MlValue.Data;

namespace MlValue.Testing;

/// <summary>
/// The guarantees every <see cref="ICheckpointStore"/> keeps, as MSTest tests: unknown sources load as null, a save
/// loads back exactly and replaces the previous one, names are validated, and (for a store with durable backing) a new
/// instance over the same backing sees the last save, and a reader racing a writer sees the last save or the next, never a torn one.
/// Derive a <c>[TestClass]</c> from it and implement <see cref="CreateStoreAsync"/>; override <see cref="ReopenStoreAsync"/> for durable stores.
/// </summary>
public abstract partial class CheckpointStoreContractTests
{
    private ICheckpointStore? _store;

    /// <summary>The store under test, created fresh for each test.</summary>
    protected ICheckpointStore Store => _store ?? throw new InvalidOperationException("The store exists only while a test runs.");

    /// <summary>Creates an empty store over fresh backing storage.</summary>
    /// <returns>The store.</returns>
    protected abstract Task<ICheckpointStore> CreateStoreAsync();

    /// <summary>
    /// Opens another instance over the backing storage of the store that <see cref="CreateStoreAsync"/> made last (as a
    /// restarted process would). Default: <see langword="null"/>, the store keeps nothing beyond its instance, and the
    /// durability tests are inconclusive.
    /// </summary>
    /// <returns>The other instance, or <see langword="null"/>.</returns>
    protected virtual Task<ICheckpointStore?> ReopenStoreAsync() => Task.FromResult<ICheckpointStore?>(null);

    /// <summary>Creates the store under test.</summary>
    /// <returns>A task.</returns>
    [TestInitialize]
    public async Task CreateStoreUnderTestAsync() => _store = await CreateStoreAsync();

    /// <summary>A source never saved loads as null.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task LoadAsync_UnknownSource_ReturnsNull()
    {
        Assert.IsNull(await Store.LoadAsync("spam"));
    }

    /// <summary>A checkpoint loads back exactly as saved, whatever its text; each source has its own.</summary>
    /// <param name="checkpoint">The checkpoint text.</param>
    /// <returns>A task.</returns>
    [TestMethod]
    [DataRow("42")]
    [DataRow("")]
    [DataRow("{\"file\":\"inbox/2025-03-01.jsonl\",\"line\":17}")]
    [DataRow("two\nlines, ünïcode ✓")]
    public async Task SaveAsync_ThenLoad_ReturnsTheCheckpointExactly(string checkpoint)
    {
        await Store.SaveAsync("spam", checkpoint);

        Assert.AreEqual(checkpoint, await Store.LoadAsync("spam"));
        Assert.IsNull(await Store.LoadAsync("ham"));
    }

    /// <summary>A save replaces the previous checkpoint of the source and no other.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task SaveAsync_Again_ReplacesOnlyThatSource()
    {
        await Store.SaveAsync("spam", "1");
        await Store.SaveAsync("ham", "a");
        await Store.SaveAsync("spam", "2");

        Assert.AreEqual("2", await Store.LoadAsync("spam"));
        Assert.AreEqual("a", await Store.LoadAsync("ham"));
    }

    /// <summary>A source name that is not safe as a file name or key is refused with <see cref="ArgumentException"/> on save and load.</summary>
    /// <param name="name">The unsafe name.</param>
    /// <returns>A task.</returns>
    [TestMethod]
    [DataRow("../escape")]
    [DataRow("a/b")]
    [DataRow("a\\b")]
    [DataRow(".hidden")]
    [DataRow("")]
    [DataRow("spam\n")]
    [DataRow("nul\0name")]
    public async Task SaveAsync_UnsafeSourceName_ThrowsArgumentException(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveAsync(name, "1"));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.LoadAsync(name));
    }

    /// <summary>Names are 1 to 128 letters, digits, '.', '_' or '-', not starting with '.'.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task SaveAsync_NameLengths_AcceptsUpTo128()
    {
        var longest = new string('s', 128);
        await Store.SaveAsync(longest, "1");
        await Store.SaveAsync("spam_2.jsonl-source", "2");

        Assert.AreEqual("1", await Store.LoadAsync(longest));
        Assert.AreEqual("2", await Store.LoadAsync("spam_2.jsonl-source"));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveAsync(new string('s', 129), "1"));
    }

    /// <summary>A null checkpoint is refused; "nothing saved" is only ever the absence of a save.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task SaveAsync_NullCheckpoint_ThrowsArgumentNullException()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.SaveAsync("spam", null!));

        Assert.IsNull(await Store.LoadAsync("spam"));
    }
}
