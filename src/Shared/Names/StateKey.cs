namespace MlValue.Internal;

/// <summary>The rule for the keys of state documents, the same in every state store.</summary>
internal static class StateKey
{
    public const int MaxLength = 128;

    public static string Validate(string? key)
        => SafeName.IsValid(key, MaxLength, letterOrDigitFirst: true)
            ? key!
            : throw new ArgumentException($"State key {SafeName.Visible(key)} is not valid: use 1 to {MaxLength} ASCII letters, digits, '.', '_' or '-', starting with a letter or digit.", nameof(key));
}
