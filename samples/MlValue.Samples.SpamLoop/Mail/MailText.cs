namespace MlValue.Samples.SpamLoop.Mail;

/// <summary>The model's input (and training row): subject and capped body; <see cref="IsSpam"/> is the label.</summary>
public sealed class MailText
{
    /// <summary><c>group/id</c>, the correlation id and split key.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>The corpus folder, for evaluation slices.</summary>
    public string Group { get; set; } = string.Empty;

    /// <summary>The subject.</summary>
    public string Subject { get; set; } = string.Empty;

    /// <summary>The body, cut to the configured length.</summary>
    public string Body { get; set; } = string.Empty;

    /// <summary>The label.</summary>
    public bool IsSpam { get; set; }

    /// <summary>The subject: how a message is shown among an evaluation report's worst errors.</summary>
    /// <returns>The subject.</returns>
    public override string ToString() => Subject;
}
