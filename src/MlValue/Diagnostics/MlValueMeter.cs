using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using MlValue.Annotation;
using MlValue.Cleaning;
using MlValue.Data;
using MlValue.Evaluation.Internal;
using MlValue.Monitoring;
using MlValue.Runs;
using MlValue.Serving;

namespace MlValue.Diagnostics;

/// <summary>
/// MlValue's one <see cref="System.Diagnostics.Metrics.Meter"/> (named <see cref="MlValueTelemetry.Name"/>) and every
/// stage's instruments on it, created once. <see cref="For"/> gives the instance of a container's
/// <see cref="IMeterFactory"/> (one per factory), or the shared instance for objects built without one.
/// </summary>
internal sealed class MlValueMeter
{
    private static readonly string? Version = typeof(MlValueTelemetry).Assembly.GetName().Version?.ToString();

    private static readonly ConditionalWeakTable<IMeterFactory, MlValueMeter> PerFactory = new();

    private MlValueMeter(Meter meter)
    {
        Meter = meter;
        Serving = new ServingTelemetry(meter);
        Monitor = new MonitorTelemetry(meter);
        Runs = new RunMetrics(meter);
        Annotation = new AnnotationTelemetry(meter);
        Cleaning = new CleaningTelemetry(meter);
        Evaluation = new EvaluationTelemetry(meter);
        Data = new DataTelemetry(meter);
        Registry = RegistryTelemetry.Create(meter);
        Training = TrainingTelemetry.Create(meter);
    }

    /// <summary>The fallback for objects built without an <see cref="IMeterFactory"/>: one static meter for the process.</summary>
    public static MlValueMeter Shared { get; } = new(new Meter(MlValueTelemetry.Name, Version));

    /// <summary>The meter itself.</summary>
    public Meter Meter { get; }

    public ServingTelemetry Serving { get; }

    public MonitorTelemetry Monitor { get; }

    public RunMetrics Runs { get; }

    public AnnotationTelemetry Annotation { get; }

    public CleaningTelemetry Cleaning { get; }

    public EvaluationTelemetry Evaluation { get; }

    public DataTelemetry Data { get; }

    public RegistryTelemetry Registry { get; }

    public TrainingTelemetry Training { get; }

    /// <summary>The instance of <paramref name="factory"/> (created on first use, then the same one), or <see cref="Shared"/> for null.</summary>
    public static MlValueMeter For(IMeterFactory? factory)
        => factory is null ? Shared : PerFactory.GetValue(factory, Create);

    private static MlValueMeter Create(IMeterFactory factory)
        => new(factory.Create(new MeterOptions(MlValueTelemetry.Name) { Version = Version }));
}
