namespace MlValue.Runs;

/// <summary>How one step is retried and timed out (through a Polly resilience pipeline).</summary>
public sealed class StepResilienceOptions
{
    /// <summary>Retries after the first failed attempt. Default: 2. Zero disables retries.</summary>
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>The delay before the first retry; doubles each retry (exponential backoff). Default: 2 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest one attempt may take before it is cancelled and counted as failed. Default: 30 minutes.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMinutes(30);

    internal void Validate(string where)
    {
        if (MaxRetryAttempts is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetryAttempts), MaxRetryAttempts, $"{where}: MaxRetryAttempts must be between 0 and 100.");
        }

        if (RetryDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryDelay), RetryDelay, $"{where}: RetryDelay must not be negative.");
        }

        if (AttemptTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(AttemptTimeout), AttemptTimeout, $"{where}: AttemptTimeout must be positive.");
        }
    }

    internal StepResilienceOptions Clone() => new() { MaxRetryAttempts = MaxRetryAttempts, RetryDelay = RetryDelay, AttemptTimeout = AttemptTimeout };
}
