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
/// A store built by dependency injection takes the container's <see cref="IMeterFactory"/>
/// (<c>sp.GetService&lt;IMeterFactory&gt;()</c>), so its counts land on that container's meter.
/// </summary>
public sealed class RegistryTelemetry
{
    private readonly Counter<long> _versionsRegistered;
    private readonly Counter<long> _aliasMoves;
    private readonly Counter<long> _integrityFailures;

    /// <summary>
    /// Creates a recorder on the meter of <paramref name="meterFactory"/> (the same instruments for every
    /// recorder of that factory), or on MlValue's shared static meter when it is null.
    /// </summary>
    /// <param name="meterFactory">The container's meter factory, or null for the shared meter.</param>
    public RegistryTelemetry(IMeterFactory? meterFactory = null)
        : this(MlValueMeter.For(meterFactory).Registry)
    {
    }

    private RegistryTelemetry(RegistryTelemetry instruments)
    {
        _versionsRegistered = instruments._versionsRegistered;
        _aliasMoves = instruments._aliasMoves;
        _integrityFailures = instruments._integrityFailures;
    }

    private RegistryTelemetry(Meter meter)
    {
        _versionsRegistered = meter.CreateCounter<long>(
            "mlvalue.registry.versions_registered", "{version}", "Model versions registered.");
        _aliasMoves = meter.CreateCounter<long>(
            "mlvalue.registry.alias_moves", "{move}", "Alias moves, including rollbacks.");
        _integrityFailures = meter.CreateCounter<long>(
            "mlvalue.registry.integrity_failures", "{failure}", "Artifacts or attachments found missing or corrupted on load.");
    }

    /// <summary>Counts one version registered (committed) for a model.</summary>
    /// <param name="modelName">The model's name, recorded as the <c>mlvalue.model.name</c> tag.</param>
    public void RecordVersionRegistered(string modelName)
        => _versionsRegistered.Add(1, new KeyValuePair<string, object?>("mlvalue.model.name", modelName));

    /// <summary>Counts one alias move (committed), a rollback included.</summary>
    /// <param name="alias">The alias, recorded as the <c>mlvalue.alias</c> tag.</param>
    public void RecordAliasMove(string alias)
        => _aliasMoves.Add(1, new KeyValuePair<string, object?>("mlvalue.alias", alias));

    /// <summary>Counts one artifact or attachment of a model found missing or corrupted on load.</summary>
    /// <param name="modelName">The model's name, recorded as the <c>mlvalue.model.name</c> tag.</param>
    public void RecordIntegrityFailure(string modelName)
        => _integrityFailures.Add(1, new KeyValuePair<string, object?>("mlvalue.model.name", modelName));

    /// <summary>Creates the instruments on <paramref name="meter"/>; called once per meter by <see cref="MlValueMeter"/>.</summary>
    internal static RegistryTelemetry Create(Meter meter) => new(meter);
}
