using System.Reflection;
using System.Runtime.CompilerServices;

namespace MlValue.Tests.Packages;

/// <summary>Each package shows its internals only to its own test project, so no package leans on another's internals.</summary>
[TestClass]
public sealed class InternalsVisibilityTests
{
    [TestMethod]
    [DataRow("MlValue.Abstractions", "MlValue.Abstractions.Tests")]
    [DataRow("MlValue", "MlValue.Tests")]
    [DataRow("MlValue.MLNet", "MlValue.MLNet.Tests")]
    [DataRow("MlValue.Sqlite", "MlValue.Sqlite.Tests")]
    [DataRow("MlValue.PostgreSql", "MlValue.PostgreSql.Tests")]
    [DataRow("MlValue.AspNetCore", "MlValue.AspNetCore.Tests")]
    [DataRow("MlValue.Hangfire", "MlValue.Hangfire.Tests")]
    [DataRow("MlValue.Testing", null)]
    public void Package_ShowsItsInternals_OnlyToItsOwnTests(string package, string? tests)
    {
        var friends = Assembly.Load(package).GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToArray();

        CollectionAssert.AreEqual(tests is null ? Array.Empty<string>() : new[] { tests }, friends, $"{package} shows its internals to: {string.Join(", ", friends)}");
    }
}
