using System.Globalization;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MlValue.Data;

namespace MlValue.Testing;

public abstract partial class CheckpointStoreContractTests
{
    /// <summary>A new instance over the same backing (a restart) sees the last save of each source.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task ReopenStoreAsync_AfterSaves_SeesTheLastSave()
    {
        await Store.SaveAsync("spam", "1");
        await Store.SaveAsync("spam", "2");
        await Store.SaveAsync("ham", "a");

        var reopened = await ReopenOrSkipAsync();

        Assert.AreEqual("2", await reopened.LoadAsync("spam"));
        Assert.AreEqual("a", await reopened.LoadAsync("ham"));
        Assert.IsNull(await reopened.LoadAsync("other"));
    }

    /// <summary>
    /// While one instance saves checkpoint after checkpoint, loads through another instance see, each time, a whole
    /// checkpoint that is the last save or a later one: never a torn, empty or older one.
    /// </summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task LoadAsync_WhileAnotherInstanceSaves_SeesTheLastSaveOrTheNextNeverTorn()
    {
        const int saves = 60;
        var reader = await ReopenStoreAsync() ?? Store;
        await Store.SaveAsync("spam", Checkpoint(0));
        var done = 0;
        var writer = Task.Run(async () =>
        {
            for (var i = 1; i <= saves; i++)
            {
                await Store.SaveAsync("spam", Checkpoint(i));
            }

            Volatile.Write(ref done, 1);
        });

        var last = 0;
        while (Volatile.Read(ref done) == 0)
        {
            var loaded = await reader.LoadAsync("spam");
            Assert.IsNotNull(loaded, "a saved checkpoint never disappears");
            var generation = Generation(loaded);
            Assert.IsGreaterThanOrEqualTo(last, generation, "a load never goes back to an older save");
            last = generation;
        }

        await writer;
        Assert.AreEqual(saves, Generation((await reader.LoadAsync("spam"))!), "after the writer finished, the last save is seen");
    }

    /// <summary>A checkpoint of generation <paramref name="i"/>: 8 KiB framed by its number at both ends, so a torn read shows.</summary>
    private static string Checkpoint(int i)
    {
        var number = i.ToString("D6", CultureInfo.InvariantCulture);
        return number + ":" + new string((char)('a' + (i % 26)), 8192) + ":" + number;
    }

    private static int Generation(string checkpoint)
    {
        var parts = checkpoint.Split(':');
        Assert.HasCount(3, parts, "the checkpoint is whole");
        Assert.AreEqual(parts[0], parts[2], "the checkpoint is whole");
        var number = int.Parse(parts[0], CultureInfo.InvariantCulture);
        Assert.AreEqual(Checkpoint(number), checkpoint, "the checkpoint is whole");
        return number;
    }

    private async Task<ICheckpointStore> ReopenOrSkipAsync()
    {
        var reopened = await ReopenStoreAsync();
        if (reopened is null)
        {
            Assert.Inconclusive("The store keeps nothing beyond its instance (ReopenStoreAsync is not overridden): durability across instances is not checked.");
        }

        return reopened!;
    }
}
