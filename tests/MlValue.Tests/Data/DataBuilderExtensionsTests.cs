using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlValue.Data;

namespace MlValue.Tests.Data;

[TestClass]
public sealed class DataBuilderExtensionsTests
{
    [TestMethod]
    public void AddDataSources_Default_FileStoreUnderRootCheckpoints()
    {
        using var provider = new ServiceCollection().AddMlValue(o => o.RootDirectory = "root-here").AddDataSources().AddDataSources().Services.BuildServiceProvider();

        var store = (FileCheckpointStore)provider.GetRequiredService<ICheckpointStore>();

        Assert.AreEqual(Path.GetFullPath(Path.Combine("root-here", "checkpoints")), store.RootDirectory);
    }

    [TestMethod]
    public void AddDataSources_Default_DatasetStoreUnderRootDatasets()
    {
        var root = Path.Combine(Path.GetTempPath(), "mlvalue-root-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var provider = new ServiceCollection().AddMlValue(o => o.RootDirectory = root).AddDataSources().Services.BuildServiceProvider();

            var store = (FileDatasetStore)provider.GetRequiredService<IDatasetStore>();

            Assert.AreEqual(Path.Combine(root, "datasets"), store.Directory);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [TestMethod]
    public void AddDataSources_FromConfiguration_BindsDataSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MlValue:Data:MaxBatchRecords"] = "50",
            ["MlValue:Data:UnknownColumns"] = "Ignore",
        }).Build();
        using var provider = new ServiceCollection().AddMlValue(configuration.GetSection("MlValue")).AddDataSources().Services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<DataOptions>>().Value;

        Assert.AreEqual(50, options.MaxBatchRecords);
        Assert.AreEqual(UnknownColumnHandling.Ignore, options.UnknownColumns);
    }

    [TestMethod]
    public void AddDataSources_InvalidOption_FailsNamingTheSetting()
    {
        using var provider = new ServiceCollection().AddMlValue().AddDataSources(o => o.MaxFieldLength = 0).Services.BuildServiceProvider();

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<DataOptions>>().Value);
        StringAssert.Contains(error.Message, "MlValue:Data:MaxFieldLength");
    }

    [TestMethod]
    public async Task AddFolderDataSource_ResolvesWorkingSource()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("a.csv"), "Key,X,Flag,N\nk1,0.5,true,3\n");
        using var provider = new ServiceCollection()
            .AddMlValue(o => o.RootDirectory = temp.File("state"))
            .AddFolderDataSource<Point>("points", temp.Path, DataFileFormat.Csv)
            .Services.BuildServiceProvider();
        var source = provider.GetRequiredService<IDataSource<Point>>();

        var batch = await source.ReadAsync();
        await source.CommitAsync(batch);

        Assert.AreEqual("k1", batch.Records.Single().Key);
        Assert.IsTrue(File.Exists(Path.Combine(temp.File("state"), "checkpoints", "points.checkpoint")));
    }

    [TestMethod]
    public async Task AddFolderDataSource_TwoNamesForOneType_EachResolvesByNameAndUnkeyedIsRefused()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("a"));
        Directory.CreateDirectory(temp.File("b"));
        await File.WriteAllTextAsync(Path.Combine(temp.File("a"), "1.csv"), "Key,X,Flag,N\nfrom-a,0.5,true,3\n");
        await File.WriteAllTextAsync(Path.Combine(temp.File("b"), "1.csv"), "Key,X,Flag,N\nfrom-b,0.5,true,3\n");
        using var provider = new ServiceCollection()
            .AddMlValue(o => o.RootDirectory = temp.File("state"))
            .AddFolderDataSource<Point>("a", temp.File("a"), DataFileFormat.Csv)
            .AddFolderDataSource<Point>("b", temp.File("b"), DataFileFormat.Csv)
            .Services.BuildServiceProvider();

        var a = await provider.GetRequiredKeyedService<IDataSource<Point>>("a").ReadAsync();
        var b = await provider.GetRequiredKeyedService<IDataSource<Point>>("b").ReadAsync();
        var error = Assert.ThrowsExactly<DataSourceException>(() => provider.GetRequiredService<IDataSource<Point>>());

        Assert.AreEqual("from-a", a.Records.Single().Key);
        Assert.AreEqual("from-b", b.Records.Single().Key);
        StringAssert.Contains(error.Message, "2 data sources of IDataSource<Point> are registered ('a', 'b')");
        StringAssert.Contains(error.Message, "GetRequiredKeyedService");
    }

    [TestMethod]
    public void AddFolderDataSource_SameNameTwice_Throws()
    {
        using var temp = new TempFolder();
        var builder = new ServiceCollection().AddMlValue().AddFolderDataSource<Point>("points", temp.Path, DataFileFormat.Csv);

        var error = Assert.ThrowsExactly<DataSourceException>(() => builder.AddFolderDataSource<Point>("points", temp.Path, DataFileFormat.Jsonl));

        StringAssert.Contains(error.Message, "A data source named 'points' is already registered");
    }
}
