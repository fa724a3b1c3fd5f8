using System.Diagnostics.Metrics;

namespace MlValue.Diagnostics;

/// <summary>
/// Records the registry's instruments on MlValue's meter (<see cref="MlValueTelemetry.Name"/>), so
/// every metadata store reports the same names, units and tags. A store calls each method once the
/// event is durable (after the commit), never for a refused call:
/// <list type="bullet">
/// <item><c>mlvalue.registry.versions_registered</c> (<c>{version}</c>, tag <c>mlvalue.model.name</c>): <see cref="RecordVersionRegistered"/>.</item>
/// <item><c>mlvalue.registry.alias_moves</c> (<c>{move}</c>, tag <c>mlvalue.alias</c>): <see cref="RecordAliasMove"/>, rollbacks included.</item>
/// <item><c>mlvalue.registry.integrity_failures</c> (<c>{failure}</c>, tag <c>mlvalue.model.name</c>): <see cref="RecordIntegrityFailure"/>.</item>
/// </list>
/// </summary>
public static class RegistryTelemetry
{
    private static readonly Counter<long> VersionsRegistered = MlValueTelemetry.Meter.CreateCounter<long>(
        "mlvalue.registry.versions_registered", "{version}", "Model versions registered.");

    private static readonly Counter<long> AliasMoves = MlValueTelemetry.Meter.CreateCounter<long>(
        "mlvalue.registry.alias_moves", "{move}", "Alias moves, including rollbacks.");

    private static readonly Counter<long> IntegrityFailures = MlValueTelemetry.Meter.CreateCounter<long>(
        "mlvalue.registry.integrity_failures", "{failure}", "Artifacts or attachments found missing or corrupted on load.");

    /// <summary>Counts one version registered (committed) for a model.</summary>
    /// <param name="modelName">The model's name, recorded as the <c>mlvalue.model.name</c> tag.</param>
    public static void RecordVersionRegistered(string modelName)
        => VersionsRegistered.Add(1, new KeyValuePair<string, object?>("mlvalue.model.name", modelName));

    /// <summary>Counts one alias move (committed), a rollback included.</summary>
    /// <param name="alias">The alias, recorded as the <c>mlvalue.alias</c> tag.</param>
    public static void RecordAliasMove(string alias)
        => AliasMoves.Add(1, new KeyValuePair<string, object?>("mlvalue.alias", alias));

    /// <summary>Counts one artifact or attachment of a model found missing or corrupted on load.</summary>
    /// <param name="modelName">The model's name, recorded as the <c>mlvalue.model.name</c> tag.</param>
    public static void RecordIntegrityFailure(string modelName)
        => IntegrityFailures.Add(1, new KeyValuePair<string, object?>("mlvalue.model.name", modelName));
}
