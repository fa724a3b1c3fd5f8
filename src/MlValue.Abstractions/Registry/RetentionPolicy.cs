namespace MlValue.Registry;

/// <summary>Which versions of a model retention keeps, and what it does with the others.</summary>
public sealed class RetentionPolicy
{
    /// <summary>How many of the newest versions are kept untouched. Default: 10; at least 1.</summary>
    public int KeepLast { get; init; } = 10;

    /// <summary>What happens to older versions no alias points to. Default: <see cref="RetentionAction.Archive"/>.</summary>
    public RetentionAction Action { get; init; } = RetentionAction.Archive;
}
