using MlValue.Cleaning;
using MlValue.Tests.Support;

namespace MlValue.Tests.Cleaning;

[TestClass]
public sealed class DataValidatorTests
{
    private static readonly DataValidator Validator = new(new CleaningOptions());

    private static List<MailFeatures> Ham => [.. SpamFixture.All.Where(m => !m.IsSpam).Select(MailFeatures.From)];

    private static List<MailFeatures> Spam => [.. SpamFixture.All.Where(m => m.IsSpam).Select(MailFeatures.From)];

    [TestMethod]
    public void InferSchema_Ham_ReadsAsDocumentation()
        => Snapshot.Verify("# Schema inferred from the ham of the SpamAssassin fixture\n\n" + Validator.InferSchema(Ham).ToMarkdown());

    [TestMethod]
    public void InferSchema_Ham_JsonReadsAsDocumentation()
        => Snapshot.Verify(Validator.InferSchema(Ham).ToJson(), "json");

    [TestMethod]
    public void Validate_SpamAgainstHamSchema_ReadsAsDocumentation()
    {
        // begin-snippet: validation-spam
        var validator = new DataValidator(new CleaningOptions { UnseenCategoryTolerance = 0.01, OutOfRangeTolerance = 0.02 });
        DataSchema schema = validator.InferSchema(Ham);
        string json = schema.ToJson();
        ValidationReport report = validator.Validate(DataSchema.FromJson(json), Spam);
        // end-snippet

        Assert.IsTrue(report.HasErrors);
        Snapshot.Verify("# Spam validated against the schema of ham\n\n" + report.ToMarkdown());
    }

    [TestMethod]
    public void Validate_ShiftedCsvRows_ReadsAsDocumentation()
    {
        var schema = Validator.InferSchema(Ham);
        var rows = Ham.Take(100).Select((m, i) => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
        {
            ["Group"] = m.Group,
            ["Label"] = m.Label,
            ["BodyLength"] = i % 10 == 0 ? "n/a" : (i % 4 == 1 ? m.BodyLength + 500_000 : m.BodyLength).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SubjectWords"] = i % 3 == 0 ? "" : m.SubjectWords.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HasHtml"] = m.HasHtml ? "True" : "False",
            ["Subject"] = m.Subject,
            ["Language"] = "en",
        }).ToList();

        var report = Validator.ValidateRows(schema, rows);

        var kinds = report.Anomalies.Select(a => (a.Column, a.Kind)).ToList();
        CollectionAssert.Contains(kinds, ("FromDomain", AnomalyKind.MissingColumn));
        CollectionAssert.Contains(kinds, ("Language", AnomalyKind.UnexpectedColumn));
        CollectionAssert.Contains(kinds, ("BodyLength", AnomalyKind.TypeMismatch));
        CollectionAssert.Contains(kinds, ("SubjectWords", AnomalyKind.NullRateJump));
        CollectionAssert.Contains(kinds, ("BodyLength", AnomalyKind.OutOfRange));
        Snapshot.Verify("# A shifted CSV batch validated against the schema of ham\n\n" + report.ToMarkdown());
    }

    [TestMethod]
    public void ValidateRows_HeadersInOtherCase_MatchTheSchemaColumns()
    {
        var schema = Validator.InferSchema(Ham);
        var rows = Ham.Select(m => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["group"] = m.Group,
            ["LABEL"] = m.Label,
            ["bodyLength"] = m.BodyLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["subjectwords"] = m.SubjectWords.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["hashtml"] = m.HasHtml ? "True" : "False",
            ["subject"] = m.Subject,
            ["fromdomain"] = m.FromDomain,
        }).ToList();

        var report = Validator.ValidateRows(schema, rows);

        Assert.IsEmpty(report.Anomalies, string.Join("; ", report.Anomalies.Select(a => a.Message)));
    }

    [TestMethod]
    public void Validate_SameData_HasNoAnomaly()
    {
        var report = Validator.Validate(Validator.InferSchema(Ham), Ham);

        Assert.IsEmpty(report.Anomalies, string.Join("; ", report.Anomalies.Select(a => a.Message)));
    }

    [TestMethod]
    public void Validate_NaNAndInfinity_AreOutOfRange()
    {
        var schema = Validator.InferSchema(Enumerable.Range(0, 100).Select(i => new Row { Score = i, Label = "a" }));
        var report = Validator.Validate(schema, new[] { double.NaN, double.PositiveInfinity, 5 }.Select(s => new Row { Score = s, Label = "a" }));

        var anomaly = report.Anomalies.Single(a => a.Column == "Score");
        Assert.AreEqual(AnomalyKind.OutOfRange, anomaly.Kind);
        Assert.AreEqual(2, anomaly.AffectedRows);
        CollectionAssert.AreEqual(new[] { "NaN (row 0)", "+Infinity (row 1)" }, anomaly.Examples.ToArray());
    }

    [TestMethod]
    public void Validate_UnseenCategoryWithinTolerance_IsNotReported()
    {
        var reference = Enumerable.Range(0, 200).Select(i => new Row { Label = i % 2 == 0 ? "a" : "b" }).ToList();
        var schema = new DataValidator(new CleaningOptions { UnseenCategoryTolerance = 0.05 }).InferSchema(reference);
        var batch = reference.Take(99).Append(new Row { Label = "c" });

        Assert.IsFalse(new DataValidator(new CleaningOptions { UnseenCategoryTolerance = 0.05 }).Validate(schema, batch).Anomalies.Any(a => a.Kind == AnomalyKind.UnseenCategory));
        Assert.IsTrue(new DataValidator(new CleaningOptions { UnseenCategoryTolerance = 0.001 }).Validate(schema, batch).Anomalies.Any(a => a.Kind == AnomalyKind.UnseenCategory));
    }

    [TestMethod]
    public void Validate_PropertyOfOtherType_IsTypeMismatch()
    {
        var schema = Validator.InferSchema(Ham);
        var report = Validator.Validate(schema, [new OtherMail { BodyLength = "long" }]);

        var mismatch = report.Anomalies.Single(a => a.Kind == AnomalyKind.TypeMismatch);
        Assert.AreEqual("BodyLength", mismatch.Column);
        Assert.AreEqual(AnomalySeverity.Error, mismatch.Severity);
    }

    [TestMethod]
    public void InferSchema_ManyDistinctStrings_IsTextWithLengths()
    {
        var schema = new DataValidator(new CleaningOptions { MaxCategories = 3 }).InferSchema(Enumerable.Range(0, 10).Select(i => new Row { Name = new string('n', i + 1), Label = "x" }));

        Assert.AreEqual(ColumnType.Text, schema.Find("Name")!.Type);
        Assert.AreEqual(10, schema.Find("Name")!.Text!.MaxLength);
        Assert.AreEqual(ColumnType.Categorical, schema.Find("Label")!.Type);
        Assert.AreEqual(1.0, schema.Find("Key")!.NullRate);
    }

    [TestMethod]
    public void ToJson_RoundTrips_ToTheSameText()
    {
        var json = Validator.InferSchema(Ham).ToJson();

        Assert.AreEqual(json, DataSchema.FromJson(json).ToJson());
    }

    [TestMethod]
    [DataRow("{ not json", "not valid")]
    [DataRow("{\"formatVersion\": 9, \"columns\": []}", "format version 9")]
    [DataRow("{\"formatVersion\": 1, \"columns\": [{\"type\": \"Number\"}]}", "without a name")]
    public void FromJson_BadText_ThrowsSayingWhat(string json, string expected)
    {
        var error = Assert.ThrowsExactly<CleaningException>(() => DataSchema.FromJson(json));

        StringAssert.Contains(error.Message, expected);
    }

    [TestMethod]
    public void InferSchema_EmptyReference_Throws()
        => Assert.ThrowsExactly<CleaningException>(() => Validator.InferSchema(Array.Empty<Row>()));

    [TestMethod]
    public void Constructor_BadOptions_ThrowsNamingTheSetting()
    {
        var error = Assert.ThrowsExactly<CleaningException>(() => new DataValidator(new CleaningOptions { NullRateTolerance = 1.5 }));

        StringAssert.Contains(error.Message, "MlValue:Cleaning:NullRateTolerance");
    }

    private sealed class OtherMail
    {
        public string BodyLength { get; set; } = "";
    }
}
