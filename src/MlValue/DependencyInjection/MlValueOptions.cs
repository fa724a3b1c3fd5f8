namespace MlValue;

/// <summary>General options of MlValue, bound from the <c>MlValue</c> configuration section.</summary>
public class MlValueOptions
{
    /// <summary>
    /// The folder under which the embedded stores (registry, artifacts, checkpoints, runs,
    /// monitor state) live. Default: <c>mlvalue</c>, relative to the current directory.
    /// </summary>
    public string RootDirectory { get; set; } = "mlvalue";
}
