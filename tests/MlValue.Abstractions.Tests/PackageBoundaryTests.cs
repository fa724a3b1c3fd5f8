using System.Reflection;
using System.Runtime.CompilerServices;
using MlValue.Registry;

namespace MlValue.Tests;

/// <summary>MlValue.Abstractions is the package an extension author references alone: it must bring nothing but the BCL.</summary>
[TestClass]
public sealed class PackageBoundaryTests
{
    private static readonly Assembly Abstractions = typeof(IModelRegistry).Assembly;

    [TestMethod]
    public void Abstractions_References_OnlyTheBaseClassLibrary()
    {
        var references = Abstractions.GetReferencedAssemblies().Select(a => a.Name!).Order(StringComparer.Ordinal).ToArray();

        var foreign = references.Where(n => !(n is "netstandard" or "mscorlib" || n.StartsWith("System", StringComparison.Ordinal))).ToArray();
        Assert.IsEmpty(foreign, "MlValue.Abstractions references " + string.Join(", ", foreign) + "; its public API must hold only BCL types.");
    }

    [TestMethod]
    public void Abstractions_ShowsItsInternals_OnlyToItsOwnTests()
    {
        var friends = Abstractions.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToArray();

        CollectionAssert.AreEqual(new[] { "MlValue.Abstractions.Tests" }, friends);
    }
}
