namespace MlValue.Samples.SpamLoop.Corpus;

/// <summary>One corpus message before parsing: its id, its folder and the raw RFC 822 text.</summary>
/// <param name="Id">The corpus id (the file name's first part).</param>
/// <param name="Group">The corpus folder.</param>
/// <param name="Text">The raw message.</param>
public sealed record RawMail(string Id, string Group, string Text);
