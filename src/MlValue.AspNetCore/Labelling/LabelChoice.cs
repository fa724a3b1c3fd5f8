namespace MlValue.AspNetCore;

/// <summary>One class a person can give on the labelling page: the label and the name on its button.</summary>
/// <typeparam name="TLabel">The label type.</typeparam>
public sealed class LabelChoice<TLabel>
{
    /// <summary>Creates a choice.</summary>
    /// <param name="value">The label kept when the button is pressed.</param>
    /// <param name="name">The button's text, for example <c>spam</c>.</param>
    public LabelChoice(TLabel value, string name)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Value = value;
        Name = name;
    }

    /// <summary>The label kept when the button is pressed.</summary>
    public TLabel Value { get; }

    /// <summary>The button's text.</summary>
    public string Name { get; }
}
