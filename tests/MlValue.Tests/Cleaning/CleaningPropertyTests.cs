using FsCheck;
using FsCheck.Fluent;
using MlValue.Cleaning;

namespace MlValue.Tests.Cleaning;

[TestClass]
public sealed class CleaningPropertyTests
{
    private static readonly Config Seeded = Config.QuickThrowOnFailure.WithMaxTest(200).WithReplay(20_241_103UL, 987_654_321UL);

    private static Gen<string?> Strings =>
        Gen.Frequency(
            (1, Gen.Constant<string?>(null)),
            (1, Gen.Constant<string?>(string.Empty)),
            (1, Gen.Elements<string?>(" ", "\t\n ", "  a  ", "Cafe\u0301")),
            (1, Gen.Choose(1_000, 70_000).Select(n => (string?)new string('z', n))),
            (2, Gen.Elements<string?>("a", "b", "c", "dup")),
            (3, ArbMap.Default.GeneratorFor<string>().Select(s => (string?)s)));

    private static Gen<double> Numbers =>
        Gen.Frequency(
            (1, Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue, -0.0)),
            (4, ArbMap.Default.GeneratorFor<double>()));

    private static Gen<Row?> Rows =>
        Gen.Frequency(
            (1, Gen.Constant<Row?>(null)),
            (20, from name in Strings from score in Numbers from label in Gen.Elements<string?>("spam", "ham", "Spam", null) from key in Strings
                 select (Row?)new Row { Name = name, Score = score, Label = label, Key = key }));

    /// <summary>Input with repeats of the same instance, so the multiset check is by reference and count.</summary>
    private static Arbitrary<Row?[]> Inputs =>
        Rows.ListOf().SelectMany(rows => Gen.Choose(0, 5).Select(repeats => rows.Concat(rows.Take(repeats)).ToArray())).ToArbitrary();

    private static IRecordCleaner<Row> Cleaner() => CleaningRules<Row>.Create()
        .Trim(r => r.Name)
        .Transform("key-not-fail", (ref Row r, out string? why) =>
        {
            why = r.Key == "dup" && r.Score < 0 ? "negative dup" : null;
            return why is null ? TransformStatus.Unchanged : TransformStatus.Failed;
        })
        .NotEmpty(r => r.Name)
        .Range(r => r.Score, -1e6, 1e6)
        .OneOf(r => r.Label, ["spam", "ham"])
        .MaxLength(r => r.Name, 5_000)
        .UniqueBy(r => r.Key!)
        .Build();

    [TestMethod]
    public void Clean_AnyInput_CleanPlusQuarantinedIsTheInputAndCleanKeepsOrder()
    {
        Prop.ForAll(Inputs, input =>
        {
            var result = Cleaner().Clean(input);
            var quarantined = result.Quarantine.Select(q => q.Index).ToHashSet();
            var expectedClean = input.Where((_, i) => !quarantined.Contains(i)).ToArray();
            return quarantined.Count == result.Quarantine.Count
                && result.Clean.Count + result.Quarantine.Count == input.Length
                && expectedClean.Length == result.Clean.Count
                && expectedClean.Zip(result.Clean).All(p => ReferenceEquals(p.First, p.Second))
                && result.Quarantine.All(q => ReferenceEquals(q.Record, input[q.Index]) && q.Reason.Length > 0 && q.Position == q.Index.ToString(System.Globalization.CultureInfo.InvariantCulture))
                && result.Report.Input == input.Length
                && result.Report.Quarantined == result.Quarantine.Count
                && result.Report.NullRecords + result.Report.Rules.Sum(r => r.Rejected) + result.Report.Transforms.Sum(t => t.Rejected) == result.Quarantine.Count;
        }).Check(Seeded);
    }

    [TestMethod]
    public void Clean_AnyInput_CleanKeysAreUniqueAndEveryDuplicatePointsAtAKeptRecord()
    {
        Prop.ForAll(Inputs, input =>
        {
            var result = Cleaner().Clean(input);
            var keys = result.Clean.Where(r => r.Key is not null).Select(r => r.Key).ToList();
            var kept = result.Clean.ToHashSet(ReferenceEqualityComparer.Instance);
            var duplicates = result.Quarantine.Where(q => q.Rule == "unique(Key)").ToList();
            return keys.Count == keys.Distinct(StringComparer.Ordinal).Count()
                && duplicates.All(d => input.Select((r, i) => (r, i)).Any(x => kept.Contains(x.r) && x.r!.Key == d.Record!.Key && d.Reason.EndsWith("first seen at " + x.i, StringComparison.Ordinal)));
        }).Check(Seeded);
    }
}
