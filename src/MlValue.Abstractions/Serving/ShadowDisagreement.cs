namespace MlValue.Serving;

/// <summary>The shadow arm answered differently from the primary arm for one input.</summary>
/// <typeparam name="TInput">The input record type.</typeparam>
/// <typeparam name="TOutput">The prediction type.</typeparam>
public readonly struct ShadowDisagreement<TInput, TOutput>
    where TInput : class
    where TOutput : class
{
    /// <summary>Creates a disagreement record.</summary>
    /// <param name="correlationId">The correlation id.</param>
    /// <param name="timestamp">When it was predicted.</param>
    /// <param name="modelName">The model name.</param>
    /// <param name="input">The input.</param>
    /// <param name="primaryVersion">The primary version.</param>
    /// <param name="primaryOutput">The primary output (returned to the caller).</param>
    /// <param name="shadowVersion">The shadow version.</param>
    /// <param name="shadowOutput">The shadow output (not returned).</param>
    public ShadowDisagreement(string correlationId, DateTimeOffset timestamp, string modelName, TInput input, int primaryVersion, TOutput primaryOutput, int shadowVersion, TOutput shadowOutput)
    {
        CorrelationId = correlationId;
        Timestamp = timestamp;
        ModelName = modelName;
        Input = input;
        PrimaryVersion = primaryVersion;
        PrimaryOutput = primaryOutput;
        ShadowVersion = shadowVersion;
        ShadowOutput = shadowOutput;
    }

    /// <summary>The caller's correlation id, or a generated one.</summary>
    public string CorrelationId { get; }

    /// <summary>When it was predicted.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The model name.</summary>
    public string ModelName { get; }

    /// <summary>The input record.</summary>
    public TInput Input { get; }

    /// <summary>The primary version.</summary>
    public int PrimaryVersion { get; }

    /// <summary>The primary output, which the caller received.</summary>
    public TOutput PrimaryOutput { get; }

    /// <summary>The shadow version.</summary>
    public int ShadowVersion { get; }

    /// <summary>The shadow output, which the caller did not receive.</summary>
    public TOutput ShadowOutput { get; }
}
