using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MlValue.State;

namespace MlValue.Testing;

/// <summary>
/// The guarantees every <see cref="IStateStore"/> keeps, as MSTest tests: a missing key loads as null, a save loads back
/// byte for byte with the revision it returned, a save against a stale revision changes nothing and returns null, a
/// new document cannot be created twice, keys are independent and validated, and writers racing with load-change-save
/// loops lose no change. Derive a <c>[TestClass]</c> from it and implement <see cref="CreateStoreAsync"/>.
/// </summary>
public abstract class StateStoreContractTests
{
    private IStateStore? _store;

    /// <summary>The store under test, created fresh for each test.</summary>
    protected IStateStore Store => _store ?? throw new InvalidOperationException("The store exists only while a test runs.");

    /// <summary>Creates an empty store over fresh backing storage.</summary>
    /// <returns>The store.</returns>
    protected abstract Task<IStateStore> CreateStoreAsync();

    /// <summary>Creates the store under test.</summary>
    /// <returns>A task.</returns>
    [TestInitialize]
    public async Task CreateStoreUnderTestAsync() => _store = await CreateStoreAsync().ConfigureAwait(false);

    /// <summary>Disposes the store when it is disposable.</summary>
    /// <returns>A task.</returns>
    [TestCleanup]
    public async Task DisposeStoreAsync()
    {
        if (_store is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        }
        else if (_store is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    /// <summary>A key never saved loads as null.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task Load_UnknownKey_IsNull()
        => Assert.IsNull(await Store.LoadAsync("never-saved").ConfigureAwait(false));

    /// <summary>The first save is revision 1 and loads back byte for byte; each later save adds one.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task TrySave_NewThenUpdated_LoadsBackWithItsRevision()
    {
        var first = await Store.TrySaveAsync("queue", Bytes("one"), expectedRevision: null).ConfigureAwait(false);
        var second = await Store.TrySaveAsync("queue", Bytes("two"), expectedRevision: 1).ConfigureAwait(false);
        var loaded = await Store.LoadAsync("queue").ConfigureAwait(false);

        Assert.AreEqual(1L, first);
        Assert.AreEqual(2L, second);
        Assert.IsNotNull(loaded);
        Assert.AreEqual(2, loaded.Revision);
        Assert.AreEqual("two", Text(loaded));
    }

    /// <summary>A save with a stale revision, or a second creation, changes nothing and returns null.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task TrySave_StaleRevisionOrSecondCreation_ReturnsNullAndKeepsTheDocument()
    {
        await Store.TrySaveAsync("queue", Bytes("one"), null).ConfigureAwait(false);
        await Store.TrySaveAsync("queue", Bytes("two"), 1).ConfigureAwait(false);

        var stale = await Store.TrySaveAsync("queue", Bytes("lost"), 1).ConfigureAwait(false);
        var again = await Store.TrySaveAsync("queue", Bytes("again"), null).ConfigureAwait(false);
        var ahead = await Store.TrySaveAsync("queue", Bytes("ahead"), 7).ConfigureAwait(false);
        var missing = await Store.TrySaveAsync("other", Bytes("x"), 1).ConfigureAwait(false);

        Assert.IsNull(stale);
        Assert.IsNull(again);
        Assert.IsNull(ahead);
        Assert.IsNull(missing, "a revision given for a key that does not exist is stale too");
        Assert.IsNull(await Store.LoadAsync("other").ConfigureAwait(false));
        var loaded = await Store.LoadAsync("queue").ConfigureAwait(false);
        Assert.AreEqual("two", Text(loaded!));
        Assert.AreEqual(2, loaded!.Revision);
    }

    /// <summary>Empty and large documents round-trip exactly, and the store keeps no reference to the caller's buffer.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task TrySave_EmptyAndLargeDocuments_RoundTripExactly()
    {
        var large = new byte[3 * 1024 * 1024 + 17];
        new Random(11).NextBytes(large);
        await Store.TrySaveAsync("empty", ReadOnlyMemory<byte>.Empty, null).ConfigureAwait(false);
        await Store.TrySaveAsync("large", large, null).ConfigureAwait(false);
        var expected = large.ToArray();
        large[0] ^= 0xFF;

        Assert.AreEqual(0, (await Store.LoadAsync("empty").ConfigureAwait(false))!.Content.Length);
        CollectionAssert.AreEqual(expected, (await Store.LoadAsync("large").ConfigureAwait(false))!.Content.ToArray());
    }

    /// <summary>Keys are independent.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task TrySave_TwoKeys_AreIndependent()
    {
        await Store.TrySaveAsync("a", Bytes("a1"), null).ConfigureAwait(false);
        await Store.TrySaveAsync("b", Bytes("b1"), null).ConfigureAwait(false);
        await Store.TrySaveAsync("a", Bytes("a2"), 1).ConfigureAwait(false);

        Assert.AreEqual("a2", Text((await Store.LoadAsync("a").ConfigureAwait(false))!));
        var b = await Store.LoadAsync("b").ConfigureAwait(false);
        Assert.AreEqual("b1", Text(b!));
        Assert.AreEqual(1, b!.Revision);
    }

    /// <summary>A key that could escape a folder or hide characters is refused on load and save.</summary>
    /// <param name="key">The bad key.</param>
    /// <returns>A task.</returns>
    [TestMethod]
    [DataRow("")]
    [DataRow("../queue")]
    [DataRow("a/b")]
    [DataRow(".hidden")]
    [DataRow("queue\n")]
    [DataRow("quéue")]
    public async Task Key_Unsafe_IsRefused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.LoadAsync(key)).ConfigureAwait(false);
        await Assert.ThrowsAsync<ArgumentException>(() => Store.TrySaveAsync(key, Bytes("x"), null)).ConfigureAwait(false);
    }

    /// <summary>Eight writers each add their name to one document through load-change-save loops: every name is kept.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task TrySave_RacingWriters_LoseNoChange()
    {
        const int writers = 8;
        const int each = 5;
        var saves = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var mine = new List<long>();
            for (var i = 0; i < each; i++)
            {
                while (true)
                {
                    var entry = await Store.LoadAsync("shared").ConfigureAwait(false);
                    var lines = entry is null ? string.Empty : Text(entry);
                    var saved = await Store.TrySaveAsync("shared", Bytes(lines + $"w{w}-{i}\n"), entry?.Revision).ConfigureAwait(false);
                    if (saved is { } revision)
                    {
                        mine.Add(revision);
                        break;
                    }
                }
            }

            return mine;
        }))).ConfigureAwait(false);

        var final = await Store.LoadAsync("shared").ConfigureAwait(false);
        var names = Text(final!).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(writers * each, names);
        Assert.HasCount(writers * each, names.Distinct());
        CollectionAssert.AreEqual(Enumerable.Range(1, writers * each).Select(r => (long)r).ToArray(), saves.SelectMany(s => s).Order().ToArray(), "every revision was returned to exactly one writer");
        Assert.AreEqual(writers * each, final!.Revision);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(StateEntry entry) => Encoding.UTF8.GetString(entry.Content.Span);
}
