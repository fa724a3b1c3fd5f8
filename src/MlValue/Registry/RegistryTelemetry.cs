using System.Diagnostics.Metrics;
using MlValue.Diagnostics;

namespace MlValue.Registry;

/// <summary>The registry's instruments, created once.</summary>
internal static class RegistryTelemetry
{
    public static readonly Counter<long> VersionsRegistered = MlValueTelemetry.Meter.CreateCounter<long>(
        "mlvalue.registry.versions_registered", "{version}", "Model versions registered.");

    public static readonly Counter<long> AliasMoves = MlValueTelemetry.Meter.CreateCounter<long>(
        "mlvalue.registry.alias_moves", "{move}", "Alias moves, including rollbacks.");

    public static readonly Counter<long> IntegrityFailures = MlValueTelemetry.Meter.CreateCounter<long>(
        "mlvalue.registry.integrity_failures", "{failure}", "Artifacts or attachments found missing or corrupted on load.");
}
