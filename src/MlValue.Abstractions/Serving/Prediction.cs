namespace MlValue.Serving;

/// <summary>A prediction and the model version that answered it.</summary>
/// <typeparam name="TOutput">The prediction type.</typeparam>
public readonly struct Prediction<TOutput>
    where TOutput : class
{
    /// <summary>Creates a prediction.</summary>
    /// <param name="value">The model's output.</param>
    /// <param name="modelName">The model name.</param>
    /// <param name="version">The version that answered.</param>
    /// <param name="arm">The arm that answered.</param>
    /// <param name="correlationId">The correlation id, when one was supplied or generated.</param>
    public Prediction(TOutput value, string modelName, int version, ServingArm arm, string? correlationId)
    {
        Value = value;
        ModelName = modelName;
        Version = version;
        Arm = arm;
        CorrelationId = correlationId;
    }

    /// <summary>The model's output. The model may reuse the instance; copy what you keep.</summary>
    public TOutput Value { get; }

    /// <summary>The model name.</summary>
    public string ModelName { get; }

    /// <summary>The registry version that answered; exactly one version answers each request.</summary>
    public int Version { get; }

    /// <summary>The arm that answered: <see cref="ServingArm.Primary"/> or <see cref="ServingArm.Canary"/>.</summary>
    public ServingArm Arm { get; }

    /// <summary>
    /// The caller's correlation id, or one generated when an observer is registered;
    /// <see langword="null"/> otherwise.
    /// </summary>
    public string? CorrelationId { get; }
}
