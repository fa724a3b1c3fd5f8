using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace MlValue.Testing;

public abstract partial class RunStoreContractTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>While a lease is live, a second holder is refused; other loops' leases are independent.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task TryAcquireLeaseAsync_LiveLeaseOfAnotherHolder_IsRefused()
    {
        Assert.IsTrue(await Store.TryAcquireLeaseAsync("spam", "a", Now, Lease));

        Assert.IsFalse(await Store.TryAcquireLeaseAsync("spam", "b", Now, Lease));
        Assert.IsFalse(await Store.TryAcquireLeaseAsync("spam", "b", Now + Lease - TimeSpan.FromSeconds(1), Lease));
        Assert.IsTrue(await Store.TryAcquireLeaseAsync("flights", "b", Now, Lease), "each loop has its own lease");
    }

    /// <summary>Once <c>now + duration</c> is reached, another holder gets the lease, and the old holder is then refused.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task TryAcquireLeaseAsync_AfterExpiry_AnotherHolderGetsIt()
    {
        Assert.IsTrue(await Store.TryAcquireLeaseAsync("spam", "a", Now, Lease));

        Assert.IsTrue(await Store.TryAcquireLeaseAsync("spam", "b", Now + Lease, Lease));
        Assert.IsFalse(await Store.TryAcquireLeaseAsync("spam", "a", Now + Lease + TimeSpan.FromMinutes(1), Lease));
    }

    /// <summary>The holder re-acquires (renews) its own lease, which moves the expiry forward.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task TryAcquireLeaseAsync_SameHolder_RenewsAndExtends()
    {
        Assert.IsTrue(await Store.TryAcquireLeaseAsync("spam", "a", Now, Lease));
        Assert.IsTrue(await Store.TryAcquireLeaseAsync("spam", "a", Now.AddMinutes(5), Lease));

        Assert.IsFalse(await Store.TryAcquireLeaseAsync("spam", "b", Now.AddMinutes(14), Lease), "the renewal holds until 5 + 10 minutes");
        Assert.IsTrue(await Store.TryAcquireLeaseAsync("spam", "b", Now.AddMinutes(15), Lease));
    }

    /// <summary>Only the holder releases a lease: a release by anyone else changes nothing; after the holder's release another holder gets it at once.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task ReleaseLeaseAsync_ByHolderOnly_FreesTheLease()
    {
        Assert.IsTrue(await Store.TryAcquireLeaseAsync("spam", "a", Now, Lease));

        await Store.ReleaseLeaseAsync("spam", "b");
        Assert.IsFalse(await Store.TryAcquireLeaseAsync("spam", "b", Now.AddMinutes(1), Lease), "a release by a non-holder is ignored");

        await Store.ReleaseLeaseAsync("spam", "a");
        Assert.IsTrue(await Store.TryAcquireLeaseAsync("spam", "b", Now.AddMinutes(1), Lease));
        await Store.ReleaseLeaseAsync("unknown-loop", "a");
    }

    /// <summary>Of holders racing for a free lease at one instant, exactly one gets it.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task TryAcquireLeaseAsync_ConcurrentHolders_ExactlyOneWins()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Store.TryAcquireLeaseAsync("spam", "holder-" + i, Now, Lease))));

        Assert.AreEqual(1, results.Count(won => won));
    }
}
