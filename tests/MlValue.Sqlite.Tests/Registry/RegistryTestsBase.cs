namespace MlValue.Tests.Registry;

/// <summary>A fresh registry in its own temporary folder for every test, deleted afterwards.</summary>
public abstract class RegistryTestsBase
{
    private RegistryFixture? _fixture;

    internal RegistryFixture Fixture => _fixture ?? throw new InvalidOperationException("The registry fixture exists only while a test runs.");

    [TestInitialize]
    public void CreateRegistry() => _fixture = new RegistryFixture();

    [TestCleanup]
    public void DeleteRegistry() => _fixture?.Dispose();
}
