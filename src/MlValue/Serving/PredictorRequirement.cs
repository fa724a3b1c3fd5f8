namespace MlValue.Serving;

/// <summary>
/// A condition a stage puts on the predictor of one model, checked when that predictor is created, so a wiring
/// that cannot work fails at start-up instead of doing nothing (for example prediction monitoring of an output
/// type the monitor does not know). <see cref="Check"/> gets the input and output types and returns the error, or null.
/// </summary>
internal sealed record PredictorRequirement(string ModelName, Func<Type, Type, Exception?> Check);
