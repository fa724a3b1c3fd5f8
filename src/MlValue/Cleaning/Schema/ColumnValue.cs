namespace MlValue.Cleaning;

/// <summary>One cell read from a record without boxing: missing, a number (timestamps as UTC ticks) or text.</summary>
internal readonly struct ColumnValue
{
    private ColumnValue(byte kind, double number, string? text)
    {
        Kind = kind;
        Number = number;
        Text = text;
    }

    public const byte MissingKind = 0;
    public const byte NumberKind = 1;
    public const byte TextKind = 2;

    public static ColumnValue Missing => default;

    public byte Kind { get; }

    public double Number { get; }

    public string? Text { get; }

    public static ColumnValue FromNumber(double value) => new(NumberKind, value, null);

    public static ColumnValue FromText(string? value) => string.IsNullOrWhiteSpace(value) ? default : new(TextKind, 0, value);

    public static ColumnValue FromBoolean(bool value) => new(TextKind, 0, value ? bool.TrueString : bool.FalseString);
}
