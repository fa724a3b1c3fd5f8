using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MlValue.Registry;

/// <summary>Fails start-up when the registry stage was added without a metadata store.</summary>
internal sealed class RegistryStoreCheck(IServiceProviderIsService services) : IValidateOptions<ModelRegistryOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelRegistryOptions options)
        => services.IsService(typeof(IModelRegistry))
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("AddModelRegistry() was called but no model registry store is registered (no IModelRegistry). Call UseSqlite() on the MlValue builder (package MlValue.Sqlite, brought by MlValue.Core) for the embedded store, UsePostgreSql(connectionString) (package MlValue.PostgreSql) for a store many processes share, or register your own IModelRegistry.");
}
