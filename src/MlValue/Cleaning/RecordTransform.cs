namespace MlValue.Cleaning;

/// <summary>
/// A custom transform: changes <paramref name="record"/> in place or replaces it with a new one,
/// and says what it did. A transform that cannot fix a value returns <see cref="TransformStatus.Failed"/>
/// with a reason; an exception it throws is caught and quarantined the same way.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
/// <param name="record">The record, which the transform may replace.</param>
/// <param name="failureReason">Why the record could not be fixed, when the result is <see cref="TransformStatus.Failed"/>.</param>
/// <returns>What the transform did.</returns>
public delegate TransformStatus RecordTransform<T>(ref T record, out string? failureReason);
