using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace MlValue.Testing;

/// <summary>
/// The guarantees of state kept in a folder and saved crash-safely (a monitor's state file, an annotation queue), as
/// MSTest tests: a new folder holds nothing, a reopened instance holds what was last saved, and an instance opened while
/// another saves holds the last save or the next, never a torn one. The state is modelled as a number of steps: derive a
/// <c>[TestClass]</c> and say how to open the state, save one more step, and count the steps an instance holds.
/// </summary>
/// <typeparam name="TState">The type that opens, changes and saves the state (for example <c>ModelMonitor&lt;T&gt;</c>).</typeparam>
public abstract class DurableStateContractTests<TState>
    where TState : class
{
    private readonly List<TState> _opened = [];
    private string? _folder;

    /// <summary>The test's own empty folder, deleted after the test.</summary>
    protected string Folder => _folder ?? throw new InvalidOperationException("The folder exists only while a test runs.");

    /// <summary>Opens (or starts) the state kept in <paramref name="folder"/>, as a restarted process would.</summary>
    /// <param name="folder">The folder of the state.</param>
    /// <returns>The opened state; disposed after the test when it is <see cref="IDisposable"/> or <see cref="IAsyncDisposable"/>.</returns>
    protected abstract Task<TState> OpenAsync(string folder);

    /// <summary>Changes the state so that it holds <paramref name="step"/> steps (one more than now) and saves it durably.</summary>
    /// <param name="state">An opened state.</param>
    /// <param name="step">The number of steps it holds after the change: 1, 2, 3…</param>
    /// <returns>A task that completes when the save is durable.</returns>
    protected abstract Task SaveStepAsync(TState state, int step);

    /// <summary>How many steps an opened state holds.</summary>
    /// <param name="state">An opened state.</param>
    /// <returns>The number of steps.</returns>
    protected abstract Task<int> CountStepsAsync(TState state);

    /// <summary>Creates the test's folder.</summary>
    [TestInitialize]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("mlvalue-state-").FullName;

    /// <summary>Disposes what the test opened and deletes its folder.</summary>
    /// <returns>A task.</returns>
    [TestCleanup]
    public async Task DeleteFolderAsync()
    {
        foreach (var state in _opened)
        {
            if (state is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else if (state is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }

        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>State opened over an empty folder holds nothing.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task OpenAsync_EmptyFolder_HoldsNothing()
    {
        Assert.AreEqual(0, await CountStepsAsync(await OpenTrackedAsync()));
    }

    /// <summary>State reopened after several saves holds what the last save held.</summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task OpenAsync_AfterSaves_HoldsTheLastSave()
    {
        var writer = await OpenTrackedAsync();
        for (var step = 1; step <= 3; step++)
        {
            await SaveStepAsync(writer, step);
        }

        Assert.AreEqual(3, await CountStepsAsync(await OpenTrackedAsync()));
    }

    /// <summary>
    /// Instances opened while another saves step after step each hold a whole state that is the last save or a later
    /// one: opening never fails on a half-written file and never goes back.
    /// </summary>
    /// <returns>A task.</returns>
    [TestMethod]
    public async Task OpenAsync_WhileAnotherInstanceSaves_HoldsTheLastSaveOrTheNextNeverTorn()
    {
        const int saves = 25;
        var writer = await OpenTrackedAsync();
        await SaveStepAsync(writer, 1);
        var done = 0;
        var saving = Task.Run(async () =>
        {
            for (var step = 2; step <= saves; step++)
            {
                await SaveStepAsync(writer, step);
            }

            Volatile.Write(ref done, 1);
        });

        var last = 1;
        while (Volatile.Read(ref done) == 0)
        {
            var seen = await CountStepsAsync(await OpenTrackedAsync());
            Assert.IsGreaterThanOrEqualTo(last, seen, "a reopened state never goes back to an older save");
            Assert.IsLessThanOrEqualTo(saves, seen);
            last = seen;
        }

        await saving;
        Assert.AreEqual(saves, await CountStepsAsync(await OpenTrackedAsync()), "after the writer finished, the last save is seen");
    }

    private async Task<TState> OpenTrackedAsync()
    {
        var state = await OpenAsync(Folder);
        _opened.Add(state);
        return state;
    }
}
