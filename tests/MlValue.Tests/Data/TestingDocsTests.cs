using System.Runtime.CompilerServices;

namespace MlValue.Tests.Data;

/// <summary>docs/testing.md shows code that compiles: its example is the checkpoint store's contract test file.</summary>
[TestClass]
public sealed class TestingDocsTests
{
    [TestMethod]
    public void TestingDoc_ExampleBlock_IsTheCompiledContractTest()
    {
        var test = File.ReadAllText(SourcePath("FileCheckpointStoreContractTests.cs")).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
        var doc = File.ReadAllText(Path.Combine(SourcePath(""), "..", "..", "..", "docs", "testing.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

        StringAssert.Contains(doc, "```csharp\n" + test + "\n```", "docs/testing.md's example differs from FileCheckpointStoreContractTests.cs: copy the file into the doc.");
    }

    private static string SourcePath(string file, [CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, file);
}
