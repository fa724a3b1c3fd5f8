using MlValue.Internal;

namespace MlValue.Data;

internal static class SourceName
{
    public const int MaxLength = 128;

    public static string Validate(string? name)
    {
        if (!SafeName.IsValid(name, MaxLength, letterOrDigitFirst: false))
        {
            throw new ArgumentException(
                $"Data source name {SafeName.Visible(name)} is not valid: use 1 to {MaxLength} letters, digits, '.', '_' or '-', not starting with '.'. It names the checkpoint, so it must be safe as a file name.",
                nameof(name));
        }

        return name!;
    }
}
