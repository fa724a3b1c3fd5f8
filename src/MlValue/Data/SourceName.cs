namespace MlValue.Data;

internal static class SourceName
{
    public const int MaxLength = 128;

    public static string Validate(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength || name[0] == '.' || !name.All(IsAllowed))
        {
            throw new ArgumentException(
                $"Data source name '{name}' is not valid: use 1 to {MaxLength} letters, digits, '.', '_' or '-', not starting with '.'. It names the checkpoint, so it must be safe as a file name.",
                nameof(name));
        }

        return name;
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
}
