using MlValue.Tests.Support;

namespace MlValue.Tests.Cleaning;

/// <summary>Columns derived from a SpamAssassin message, for schema inference and validation.</summary>
public sealed class MailFeatures
{
    public string Group { get; set; } = "";

    public string Label { get; set; } = "";

    public int BodyLength { get; set; }

    public int SubjectWords { get; set; }

    public bool HasHtml { get; set; }

    public string? Subject { get; set; }

    public string? FromDomain { get; set; }

    public static MailFeatures From(SpamMessage m) => new()
    {
        Group = m.Group,
        Label = m.Label,
        BodyLength = m.Body.Length,
        SubjectWords = m.Subject.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length,
        HasHtml = m.Raw.Contains("text/html", StringComparison.OrdinalIgnoreCase),
        Subject = m.Subject,
        FromDomain = m.From.Contains('@', StringComparison.Ordinal) ? m.From[(m.From.LastIndexOf('@') + 1)..].TrimEnd('>', ' ').ToLowerInvariant() : null,
    };
}
