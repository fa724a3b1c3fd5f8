namespace MlValue.Tests.Cleaning;

/// <summary>A small record for rule tests.</summary>
public sealed class Row
{
    public string? Name { get; set; }

    public double Score { get; set; }

    public int Count { get; set; }

    public string? Label { get; set; }

    public string? Key { get; set; }

    public string ReadOnlyName => Name ?? string.Empty;
}
