namespace MlValue.Cleaning.Transforms;

/// <summary>Rewrites one string property; counts a change only when the text really differs.</summary>
internal sealed class TextTransform<T>(string name, string kind, Func<T, string?> get, Action<T, string?> set, Func<string?, string?> fix)
    : TransformStep<T>(name, kind)
    where T : class
{
    public override TransformStatus Apply(ref T record, out string? failureReason)
    {
        failureReason = null;
        var before = get(record);
        var after = fix(before);
        if (ReferenceEquals(before, after) || string.Equals(before, after, StringComparison.Ordinal))
        {
            return TransformStatus.Unchanged;
        }

        set(record, after);
        return TransformStatus.Changed;
    }
}
