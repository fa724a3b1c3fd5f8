using System.Text.Json.Serialization;
using Microsoft.ML.Data;
using MlValue.Data;

namespace MlValue.Tests.Data;

/// <summary>One mapping from file columns to properties, honoured by the CSV and JSONL readers alike.</summary>
[TestClass]
public sealed class ColumnMappingTests
{
    [TestMethod]
    public async Task ReadAsync_SnakeCaseAndColumnNameHeaders_MapToTheProperties()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("a.csv"), "station_id,temp_max,Rain-MM\nbos,31.5,2\n");

        var batch = await DataSources.FromFolder<Weather>("w", temp.Path, DataFileFormat.Csv, new InMemoryCheckpointStore()).ReadAsync();

        Assert.IsEmpty(batch.Errors, string.Join("; ", batch.Errors));
        var row = batch.Records.Single();
        Assert.AreEqual("bos", row.Station);
        Assert.AreEqual(31.5, row.TempMax);
        Assert.AreEqual(2, row.RainMm);
    }

    [TestMethod]
    public async Task ReadAsync_JsonlWithDeclaredAndSnakeCaseNames_MapToTheProperties()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("a.jsonl"), "{\"station_id\":\"bos\",\"temp_max\":31.5,\"rain_mm\":2}\n");

        var batch = await DataSources.FromFolder<Weather>("w", temp.Path, DataFileFormat.Jsonl, new InMemoryCheckpointStore()).ReadAsync();

        Assert.IsEmpty(batch.Errors, string.Join("; ", batch.Errors));
        Assert.AreEqual("bos", batch.Records.Single().Station);
        Assert.AreEqual(31.5, batch.Records.Single().TempMax);
    }

    [TestMethod]
    public void FromRecords_TwoPropertiesMappingToOneColumn_ThrowsNamingBoth()
    {
        var error = Assert.ThrowsExactly<DatasetException>(() => Dataset.FromRecords([new Clash()], new DatasetProvenance { Source = "test" }));

        StringAssert.Contains(error.Message, "properties 'TempMax' and 'Temp_Max' both map to the column");
    }

    public sealed class Weather
    {
        [ColumnName("station_id")]
        public string Station { get; set; } = "";

        public double TempMax { get; set; }

        [JsonPropertyName("rain_mm")]
        public int RainMm { get; set; }
    }

    public sealed class Clash
    {
        public double TempMax { get; set; }

#pragma warning disable CA1707 // The underscore is the point of the test.
        public double Temp_Max { get; set; }
#pragma warning restore CA1707
    }
}
