namespace MlValue.Samples.WebApi;

/// <summary>What a caller sends to the spam filter: a message's subject and body.</summary>
public class MailInput
{
    /// <summary>The subject.</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>The body (plain text).</summary>
    public string Body { get; set; } = string.Empty;
}

/// <summary>A training row: the input with its corpus key and label.</summary>
public sealed class LabelledMail : MailInput
{
    /// <summary><c>group/id</c>: the split key.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>The label: the message is in a spam folder of the corpus.</summary>
    public bool IsSpam { get; set; }
}
