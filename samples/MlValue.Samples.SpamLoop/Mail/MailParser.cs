using System.Text;
using MimeKit;
using MimeKit.Text;
using MlValue.Samples.SpamLoop.Corpus;

namespace MlValue.Samples.SpamLoop.Mail;

/// <summary>
/// Parses raw messages with MimeKit: headers, multipart, quoted-printable and base64, charsets; an HTML-only body
/// becomes text through MimeKit's <see cref="HtmlTokenizer"/> (the text tokens, without scripts and styles). A message MimeKit cannot read keeps an empty body and
/// the error, so the cleaning stage quarantines it with the reason.
/// </summary>
public static class MailParser
{
    private static readonly ParserOptions Options = new() { CharsetEncoding = Encoding.UTF8 };

    /// <summary>Parses one message.</summary>
    /// <param name="raw">The corpus message.</param>
    /// <returns>The parsed message; <see cref="MailMessage.Arrival"/> is left for the replay to set.</returns>
    public static (MailMessage Message, DateTimeOffset HeaderDate) Parse(RawMail raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var message = new MailMessage { Key = raw.Group + "/" + raw.Id, Group = raw.Group };
        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(raw.Text), writable: false);
            using var mime = MimeMessage.Load(Options, stream);
            message.Date = mime.Headers[HeaderId.Date] ?? string.Empty;
            message.From = mime.From.ToString();
            message.Subject = mime.Subject ?? string.Empty;
            message.Body = mime.TextBody ?? (mime.HtmlBody is { } html ? HtmlText(html) : string.Empty);
            return (message, mime.Date);
        }
        catch (FormatException ex)
        {
            message.ParseError = ex.Message;
            return (message, DateTimeOffset.MinValue);
        }
    }

    /// <summary>The text of an HTML body: MimeKit's tokenizer gives the data tokens (entities decoded); scripts and styles are skipped.</summary>
    /// <param name="html">The HTML.</param>
    /// <returns>The text, one space between runs.</returns>
    public static string HtmlText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = new StringBuilder(html.Length / 2);
        var skip = false;
        using var reader = new StringReader(html);
        var tokenizer = new HtmlTokenizer(reader) { DecodeCharacterReferences = true };
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when tag.Id is HtmlTagId.Script or HtmlTagId.Style:
                    skip = !tag.IsEndTag && !tag.IsEmptyElement;
                    break;
                case HtmlTagToken tag when tag.Id is HtmlTagId.Br or HtmlTagId.P or HtmlTagId.Div or HtmlTagId.TR or HtmlTagId.LI:
                    text.Append('\n');
                    break;
                case HtmlDataToken data when !skip:
                    text.Append(data.Data).Append(' ');
                    break;
            }
        }

        return text.ToString().Trim();
    }
}
