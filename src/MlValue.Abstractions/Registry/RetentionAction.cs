namespace MlValue.Registry;

/// <summary>What retention does with a version it does not keep.</summary>
public enum RetentionAction
{
    /// <summary>Marks it archived: kept and loadable, hidden from default searches.</summary>
    Archive,

    /// <summary>Deletes its metadata; its blobs go at the next garbage collection unless another version uses them.</summary>
    Delete,
}
