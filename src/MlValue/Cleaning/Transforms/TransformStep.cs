namespace MlValue.Cleaning.Transforms;

/// <summary>One transform of the pipeline, run before the rules.</summary>
internal abstract class TransformStep<T>(string name, string kind)
    where T : class
{
    public string Name { get; } = name;

    public string Kind { get; } = kind;

    public abstract TransformStatus Apply(ref T record, out string? failureReason);
}
