namespace MlValue.Training;

/// <summary>One input column a model was trained on.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">The column type as ML.NET names it, for example <c>String</c>, <c>Single</c>, <c>Boolean</c>.</param>
public sealed record ModelColumn(string Name, string Type);
