using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace MlValue.AspNetCore.Dashboard;

/// <summary>Encoding and formatting for the dashboard's HTML: every value from a store passes through <see cref="E(string?)"/>.</summary>
internal static class Html
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Encodes markup characters, quotes and controls, and leaves readable text (accents, Greek, arrows) as it is.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>HTML-encodes text for an element or a quoted attribute.</summary>
    public static string E(string? text) => string.IsNullOrEmpty(text) ? string.Empty : Encoder.Encode(text);

    /// <summary>Escapes one path segment of a link.</summary>
    public static string U(string segment) => Uri.EscapeDataString(segment);

    public static string Time(DateTimeOffset? time) => time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", C) : "—";

    public static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", C);

    public static string Number(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.####", C) : "—";

    public static string Number(long value) => value.ToString("N0", C);

    public static string Int(int value) => value.ToString(C);

    public static string Px(double value) => value.ToString("0.##", C);

    public static string Version(int? version) => version is { } v ? "v" + v.ToString(C) : "—";

    public static string Status(string text, string kind) => $"<span class=\"badge {kind}\">{E(text)}</span>";

    /// <summary>A whole page: header with the title and the navigation, then the body.</summary>
    public static string Page(string title, string pageTitle, string basePath, string body, string? notice = null, string? script = null, string? navigation = null)
    {
        var sb = new StringBuilder(body.Length + 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append(C, $"<title>{E(pageTitle)} · {E(title)}</title>\n");
        sb.Append(C, $"<link rel=\"stylesheet\" href=\"{basePath}/assets/dashboard.css\">\n");
        sb.Append(C, $"<link rel=\"icon\" href=\"{basePath}/assets/icon.svg\" type=\"image/svg+xml\">\n");
        if (script is not null)
        {
            sb.Append(C, $"<script src=\"{script}\" defer></script>\n");
        }

        sb.Append("</head>\n<body>\n");
        sb.Append(C, $"<header><a class=\"brand\" href=\"{basePath}/\">{E(title)}</a><nav>{navigation ?? $"<a href=\"{basePath}/\">Overview</a>"}</nav></header>\n<main>\n");
        if (notice is not null)
        {
            sb.Append(C, $"<p class=\"notice\" role=\"status\">{E(notice)}</p>\n");
        }

        sb.Append(C, $"<h1>{E(pageTitle)}</h1>\n");
        sb.Append(body);
        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>A definition list of label/value pairs; values are HTML already.</summary>
    public static string Facts(params (string Label, string ValueHtml)[] facts)
    {
        var sb = new StringBuilder("<dl class=\"facts\">");
        foreach (var (label, value) in facts)
        {
            sb.Append(C, $"<dt>{E(label)}</dt><dd>{value}</dd>");
        }

        return sb.Append("</dl>\n").ToString();
    }

    public static string Ids(IEnumerable<string> ids)
    {
        var list = ids.ToList();
        return list.Count == 0 ? "—" : string.Join("<br>", list.Select(i => $"<code>{E(i)}</code>"));
    }

    public static string Pairs(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var list = pairs.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "—" : string.Join("<br>", list.Select(p => $"{E(p.Key)} = <code>{E(p.Value)}</code>"));
    }
}
