using MlValue.Internal;

namespace MlValue.Evaluation;

/// <summary>
/// A named way to cut the holdout into slices, for example by source group or by month: every
/// record whose key is equal lands in the same slice. A <see langword="null"/> key is the slice <c>(none)</c>.
/// </summary>
/// <typeparam name="TInput">The record type.</typeparam>
public sealed class Segment<TInput>
    where TInput : class
{
    /// <summary>Creates a segment.</summary>
    /// <param name="name">The segment name shown in reports, for example <c>group</c>.</param>
    /// <param name="key">Returns the slice key of a record.</param>
    public Segment(string name, Func<TInput, string?> key)
    {
        Name = Guard.NotNullOrWhiteSpace(name);
        Key = Guard.NotNull(key);
    }

    /// <summary>The segment name shown in reports.</summary>
    public string Name { get; }

    /// <summary>Returns the slice key of a record.</summary>
    public Func<TInput, string?> Key { get; }
}
