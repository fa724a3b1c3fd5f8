namespace MlValue.Serving;

/// <summary>One prediction as seen by an <see cref="IPredictionObserver{TInput, TOutput}"/>.</summary>
/// <typeparam name="TInput">The input record type.</typeparam>
/// <typeparam name="TOutput">The prediction type.</typeparam>
public readonly struct PredictionEvent<TInput, TOutput>
    where TInput : class
    where TOutput : class
{
    /// <summary>Creates an event.</summary>
    /// <param name="correlationId">The correlation id.</param>
    /// <param name="timestamp">When it was predicted.</param>
    /// <param name="modelName">The model name.</param>
    /// <param name="version">The version that predicted.</param>
    /// <param name="arm">The arm that predicted.</param>
    /// <param name="input">The input.</param>
    /// <param name="output">The output.</param>
    public PredictionEvent(string correlationId, DateTimeOffset timestamp, string modelName, int version, ServingArm arm, TInput input, TOutput output)
    {
        CorrelationId = correlationId;
        Timestamp = timestamp;
        ModelName = modelName;
        Version = version;
        Arm = arm;
        Input = input;
        Output = output;
    }

    /// <summary>The caller's correlation id, or a generated one (32 hex digits).</summary>
    public string CorrelationId { get; }

    /// <summary>When it was predicted, from the injected <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The model name.</summary>
    public string ModelName { get; }

    /// <summary>The version that predicted.</summary>
    public int Version { get; }

    /// <summary>The arm that predicted.</summary>
    public ServingArm Arm { get; }

    /// <summary>The input record.</summary>
    public TInput Input { get; }

    /// <summary>The output; the model may reuse the instance after the call.</summary>
    public TOutput Output { get; }
}
