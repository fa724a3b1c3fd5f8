namespace MlValue.Monitoring;

/// <summary>A monitor bound to a served model: its predictions go to monitor <paramref name="MonitorName"/>, which follows the served version's reference.</summary>
internal sealed record MonitorBinding(string ModelName, string MonitorName, Type Input);
