namespace MlValue.Tests.Quickstart;

/// <summary>The record type of the README's quickstart.</summary>
public sealed class Mail
{
    public string Id { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public bool IsSpam { get; set; }
}
