using System.Globalization;
using MlValue.Data;

namespace MlValue.Tests.Data;

[TestClass]
public sealed class DatasetHashingTests
{
    // Pinned with the field-by-field hasher that preceded the buffered one: the id is a stored contract
    // (registry lineage refers to it), so a faster hasher must give exactly the same id.
    private const string PinnedId = "ds-0413a4a0d6d18300763302f71998f905";

    [TestMethod]
    public void FromRecords_EveryKindNullsAndLongMultibyteText_IdUnchangedAcrossBufferBoundaries()
    {
        var dataset = Dataset.FromRecords(AllKinds.Rows(3_000), new DatasetProvenance { Source = "all-kinds" });

        Assert.AreEqual(PinnedId, dataset.Id);
        Assert.AreEqual(3_000, dataset.Count);
    }

    [TestMethod]
    public void FromRecords_CopiesEveryKind_CopiesEqualTheSourceAndAreNewObjects()
    {
        var rows = AllKinds.Rows(20);

        var copies = Dataset.FromRecords(rows, new DatasetProvenance { Source = "all-kinds" }).AsEnumerable().ToList();

        for (var i = 0; i < rows.Count; i++)
        {
            Assert.AreNotSame(rows[i], copies[i]);
            Assert.AreEqual(rows[i].ToString(), copies[i].ToString());
        }
    }

    public sealed class AllKinds
    {
        public string? Text { get; set; }

        public bool Flag { get; set; }

        public int Count { get; set; }

        public long? Big { get; set; }

        public float Ratio { get; set; }

        public double? Value { get; set; }

        public decimal Price { get; set; }

        public DateTime At { get; set; }

        public DateTimeOffset? Seen { get; set; }

        public static List<AllKinds> Rows(int count) => [.. Enumerable.Range(0, count).Select(i => new AllKinds
        {
            Text = i % 7 == 0 ? null : i % 500 == 1 ? new string('é', 9_000) + "€" + i.ToString(CultureInfo.InvariantCulture) : "row-" + i.ToString(CultureInfo.InvariantCulture),
            Flag = i % 2 == 0,
            Count = i * 31,
            Big = i % 5 == 0 ? null : i * 1_000_000_007L,
            Ratio = i % 11 == 0 ? float.NaN : i * 0.25f,
            Value = i % 3 == 0 ? null : i / 7.0,
            Price = i * 1.10m,
            At = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i),
            Seen = i % 4 == 0 ? null : new DateTimeOffset(2024, 2, 1, 8, 0, 0, TimeSpan.FromHours(i % 3)).AddSeconds(i),
        })];

        public override string ToString() => string.Join("|", Text, Flag, Count, Big, Ratio.ToString("R", CultureInfo.InvariantCulture), Value?.ToString("R", CultureInfo.InvariantCulture), Price.ToString(CultureInfo.InvariantCulture), At.ToString("O", CultureInfo.InvariantCulture), Seen?.ToString("O", CultureInfo.InvariantCulture));
    }
}
