using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;

namespace MlValue.Tests.Packages;

[TestClass]
public sealed class PackageBoundaryTests
{
    [TestMethod]
    public void Package_ShowsItsInternals_OnlyToItsOwnTests()
    {
        var friends = typeof(PredictorEndpointRouteBuilderExtensions).Assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToArray();

        CollectionAssert.AreEqual(new[] { "MlValue.AspNetCore.Tests" }, friends);
    }

    [TestMethod]
    public void Package_ReferencesMlValueOnly_NotTheStoresOrTheEngine()
    {
        var references = typeof(PredictorEndpointRouteBuilderExtensions).Assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("MlValue", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();

        CollectionAssert.AreEqual(new[] { "MlValue", "MlValue.Abstractions" }, references);
    }
}
