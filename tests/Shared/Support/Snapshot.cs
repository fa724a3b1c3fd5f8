using System.Text.RegularExpressions;
using ApprovalTests;

namespace MlValue.Tests.Support;

/// <summary>
/// Snapshot assertions on ApprovalTests: the text is scrubbed of times, GUIDs and machine paths,
/// then compared with <c>&lt;Class&gt;.&lt;Method&gt;.approved.&lt;ext&gt;</c> beside the test source.
/// </summary>
public static partial class Snapshot
{
    /// <summary>Verifies Markdown or plain text.</summary>
    public static void Verify(string text, string extension = "md")
    {
        ArgumentNullException.ThrowIfNull(text);
        Approvals.Verify(new ApprovalTests.ApprovalTextWriter(Scrub(text), extension));
    }

    /// <summary>Scrubs what differs between runs and machines.</summary>
    public static string Scrub(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        text = GuidPattern().Replace(text, "{guid}");
        text = TempPathPattern().Replace(text, "{temp}");
        return text.EndsWith('\n') ? text : text + "\n";
    }

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"(/tmp|/var/folders|[A-Za-z]:\\Users\\[^\\]+\\AppData\\Local\\Temp)[^\s""'|)]*")]
    private static partial Regex TempPathPattern();
}
