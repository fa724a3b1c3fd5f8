namespace MlValue.Samples.SpamLoop.Mail;

/// <summary>One parsed message as it flows through collect and clean (public read-write properties for the data stage).</summary>
public sealed class MailMessage
{
    /// <summary><c>group/id</c>: ids repeat across corpus folders, the pair does not.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>The corpus folder (<c>easy-ham-1</c>, <c>hard-ham-1</c>, <c>spam-2</c>, …).</summary>
    public string Group { get; set; } = string.Empty;

    /// <summary>The raw <c>Date</c> header.</summary>
    public string Date { get; set; } = string.Empty;

    /// <summary>The date parsed by the cleaning stage.</summary>
    public DateTimeOffset Timestamp { get; set; }

    /// <summary>When the replay delivers the message (the header date when it lies in the period).</summary>
    public DateTimeOffset Arrival { get; set; }

    /// <summary>The sender.</summary>
    public string From { get; set; } = string.Empty;

    /// <summary>The subject.</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>The body as text (text parts decoded, HTML converted to text).</summary>
    public string Body { get; set; } = string.Empty;

    /// <summary>Why MimeKit could not parse the message, or empty.</summary>
    public string ParseError { get; set; } = string.Empty;

    /// <summary>Whether the corpus folder says spam (the ground truth, known to the replay only once its label arrives).</summary>
    public bool FolderSaysSpam => Group.StartsWith("spam", StringComparison.Ordinal);
}
