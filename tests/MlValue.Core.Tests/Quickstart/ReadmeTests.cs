using System.Runtime.CompilerServices;

namespace MlValue.Tests.Quickstart;

/// <summary>The README shows code that compiles: its quickstart block equals the region in <see cref="QuickstartTests"/>.</summary>
[TestClass]
public sealed class ReadmeTests
{
    [TestMethod]
    public void Readme_QuickstartBlock_IsTheCompiledQuickstart()
    {
        var testFile = File.ReadAllLines(SourcePath("QuickstartTests.cs"));
        var start = Array.FindIndex(testFile, l => l.Trim() == "#region quickstart");
        var end = Array.FindIndex(testFile, l => l.Trim() == "#endregion");
        var indent = testFile[start].Length - testFile[start].TrimStart().Length;
        var region = testFile[(start + 1)..end].Select(l => l.Length >= indent ? l[indent..] : l.TrimStart());

        var readme = File.ReadAllText(Path.Combine(SourcePath(""), "..", "..", "..", "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

        StringAssert.Contains(readme, "```csharp\n" + string.Join("\n", region) + "\n```", "README.md's quickstart differs from QuickstartTests.cs: copy the region between #region quickstart and #endregion into the README.");
        Assert.IsLessThanOrEqualTo(30, region.Count(), "The README quickstart must stay at most 30 lines.");
    }

    private static string SourcePath(string file, [CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, file);
}
