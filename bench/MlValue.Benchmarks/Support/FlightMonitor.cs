using MlValue.Training;
using MlValue.Monitoring;

namespace MlValue.Benchmarks.Support;

/// <summary>The monitor schema of the served flight model: its 5 input features.</summary>
public static class FlightMonitor
{
    /// <summary>3 numeric and 2 categorical features.</summary>
    /// <returns>The schema.</returns>
    public static MonitorSchema<FlightFeatures> Schema() => new MonitorSchema<FlightFeatures>(PredictionTask.BinaryClassification)
        .Numeric("distance", f => f.Distance)
        .Numeric("departure_hour", f => f.DepartureHour)
        .Numeric("day_of_week", f => f.DayOfWeek)
        .Categorical("origin", f => f.Origin)
        .Categorical("carrier", f => f.Carrier);
}
