using System.IO.Compression;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MlValue.Data;

namespace MlValue.Testing;

/// <summary>
/// The guarantees every <see cref="IDatasetStore"/> keeps, as MSTest tests: a dataset saved by its content id loads
/// back with the same id, rows and provenance; saving it again stores nothing; content that does not hash to the id
/// is refused with a <see cref="DatasetIntegrityException"/> naming the id and the location; a writer that fails
/// stores nothing. Derive a <c>[TestClass]</c> from it and implement <see cref="CreateStoreAsync"/>.
/// </summary>
public abstract class DatasetStoreContractTests
{
    private static readonly DateTimeOffset Start = new(2002, 8, 1, 0, 0, 0, TimeSpan.Zero);

    private IDatasetStore? _store;

    /// <summary>The store under test, created fresh for each test.</summary>
    protected IDatasetStore Store => _store ?? throw new InvalidOperationException("The store exists only while a test runs.");

    /// <summary>Creates an empty store over fresh backing storage.</summary>
    /// <returns>The store; disposed after the test when it is <see cref="IDisposable"/> or <see cref="IAsyncDisposable"/>.</returns>
    protected abstract Task<IDatasetStore> CreateStoreAsync();

    /// <summary>Creates the store under test.</summary>
    /// <returns>A task.</returns>
    [TestInitialize]
    public async Task CreateStoreUnderTestAsync() => _store = await CreateStoreAsync();

    /// <summary>Disposes the store under test.</summary>
    /// <returns>A task.</returns>
    [TestCleanup]
    public async Task DisposeStoreUnderTestAsync()
    {
        if (_store is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else if (_store is IDisposable disposable)
        {
            disposable.Dispose();
        }

        _store = null;
    }

    /// <summary>A saved dataset loads back with the same id, rows (nulls, NaN and times included) and provenance.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task SaveAsync_ThenLoadAsync_SameIdRowsAndProvenance()
    {
        var dataset = Rows(seed: 1, count: 500);

        Assert.IsTrue(await Store.SaveAsync(dataset));
        var loaded = await Store.LoadAsync<ContractRow>(dataset.Id);

        Assert.AreEqual(dataset.Id, loaded.Id);
        Assert.AreEqual(500, loaded.Count);
        Assert.AreEqual("contract-source", loaded.Provenance.Source);
        CollectionAssert.AreEqual(new[] { "ds-parent" }, loaded.Provenance.ParentIds.ToArray());
        CollectionAssert.AreEqual(dataset.AsEnumerable().Select(r => r.ToString()).ToArray(), loaded.AsEnumerable().Select(r => r.ToString()).ToArray());
        Assert.AreEqual(dataset.Id, (await Store.ListAsync()).Single().Id);
    }

    /// <summary>Saving a dataset that is stored already stores nothing and reports it.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task SaveAsync_SameDatasetTwice_StoredOnce()
    {
        var dataset = Rows(seed: 2, count: 10);

        Assert.IsTrue(await Store.SaveAsync(dataset));
        Assert.IsFalse(await Store.SaveAsync(Rows(seed: 2, count: 10)));

        Assert.HasCount(1, await Store.ListAsync());
    }

    /// <summary>Loading an id that is not stored throws a <see cref="DatasetException"/> naming the id.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task LoadAsync_UnknownId_ThrowsNamingTheId()
    {
        var id = Rows(seed: 3, count: 5).Id;

        var error = await Assert.ThrowsExactlyAsync<DatasetException>(() => Store.LoadAsync<ContractRow>(id));

        StringAssert.Contains(error.Message, $"Dataset {id} is not in the dataset store");
    }

    /// <summary>Content whose rows hash to another id is refused, naming the id asked for and where the content is.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task LoadAsync_RowsOfAnotherDatasetUnderTheId_ThrowsIntegrityNamingIdAndLocation()
    {
        var wanted = Rows(seed: 4, count: 20);
        var other = Rows(seed: 5, count: 20);
        await Store.SaveAsync(other);
        var forged = Recompress(Decompress(await ReadAllAsync(other.Id)).Replace(other.Id, wanted.Id, StringComparison.Ordinal));
        Assert.IsTrue(await Store.WriteAsync(wanted.Id, (s, t) => s.WriteAsync(forged, t).AsTask()));

        var error = await Assert.ThrowsExactlyAsync<DatasetIntegrityException>(() => Store.LoadAsync<ContractRow>(wanted.Id));

        Assert.AreEqual(wanted.Id, error.DatasetId);
        Assert.AreEqual(Store.Locate(wanted.Id), error.Location);
        StringAssert.Contains(error.Message, $"Dataset {wanted.Id} at {Store.Locate(wanted.Id)} cannot be used: its rows hash to {other.Id}");
    }

    /// <summary>Content that is not a dataset file at all (damaged bytes) is refused with the same exception.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task LoadAsync_DamagedBytes_ThrowsIntegrity()
    {
        var id = Rows(seed: 6, count: 3).Id;
        await Store.WriteAsync(id, (s, t) => s.WriteAsync("not gzip at all"u8.ToArray(), t).AsTask());

        var error = await Assert.ThrowsExactlyAsync<DatasetIntegrityException>(() => Store.LoadAsync<ContractRow>(id));

        Assert.AreEqual(id, error.DatasetId);
        StringAssert.Contains(error.Message, "the header cannot be read");
    }

    /// <summary>Content cut short (a truncated file) is refused.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task LoadAsync_TruncatedRows_ThrowsIntegrity()
    {
        var full = Rows(seed: 7, count: 30);
        await Store.SaveAsync(Rows(seed: 7, count: 30));
        var text = Decompress(await ReadAllAsync(full.Id));
        var cut = Recompress(text[..text.TrimEnd('\n').LastIndexOf('\n')] + "\n");
        await Store.DeleteAsync(full.Id);
        await Store.WriteAsync(full.Id, (s, t) => s.WriteAsync(cut, t).AsTask());

        var error = await Assert.ThrowsExactlyAsync<DatasetIntegrityException>(() => Store.LoadAsync<ContractRow>(full.Id));

        StringAssert.Contains(error.Message, "it holds 29 rows, not the 30 its header records");
    }

    /// <summary>A writer that fails stores nothing under the id, and a later save succeeds.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task WriteAsync_WriterThrowsMidway_NothingStored()
    {
        var dataset = Rows(seed: 8, count: 10);

        await Assert.ThrowsExactlyAsync<IOException>(() => Store.WriteAsync(dataset.Id, async (s, t) =>
        {
            await s.WriteAsync(new byte[1000], t);
            throw new IOException("disk full");
        }));

        Assert.IsEmpty(await Store.ListAsync());
        Assert.IsNull(await Store.OpenReadAsync(dataset.Id));
        Assert.IsTrue(await Store.SaveAsync(dataset));
    }

    /// <summary>Delete removes a stored dataset once; an id that is not a content id is refused.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task DeleteAsync_Stored_RemovedOnceAndBadIdsRefused()
    {
        var dataset = Rows(seed: 9, count: 4);
        await Store.SaveAsync(dataset);

        Assert.IsTrue(await Store.DeleteAsync(dataset.Id));
        Assert.IsFalse(await Store.DeleteAsync(dataset.Id));
        Assert.IsEmpty(await Store.ListAsync());
        await Assert.ThrowsExactlyAsync<DatasetException>(() => Store.OpenReadAsync("../ds-0"));
    }

    private static Dataset<ContractRow> Rows(int seed, int count)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, count).Select(i => new ContractRow
        {
            Key = i % 7 == 0 ? null : $"mail-{seed}-{i}",
            Score = i % 11 == 0 ? double.NaN : random.NextDouble(),
            Spam = random.Next(2) == 1,
            Count = random.Next(),
            At = Start.AddMinutes(i).ToOffset(TimeSpan.FromHours(i % 3)),
        });
        return Dataset.FromRecords(rows, new DatasetProvenance { Source = "contract-source", WindowEnd = Start, ParentIds = ["ds-parent"], Derivation = "generated" });
    }

    private async Task<byte[]> ReadAllAsync(string id)
    {
        var stream = await Store.OpenReadAsync(id) ?? throw new AssertFailedException($"{id} is not stored.");
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    private static string Decompress(byte[] content)
    {
        using var gzip = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static byte[] Recompress(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    /// <summary>The record type the contract's datasets are made of.</summary>
    internal sealed class ContractRow
    {
        public string? Key { get; set; }

        public double Score { get; set; }

        public bool Spam { get; set; }

        public int Count { get; set; }

        public DateTimeOffset At { get; set; }

        public override string ToString() => FormattableString.Invariant($"{Key}|{Score:R}|{Spam}|{Count}|{At:O}");
    }
}
