using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Comments.Api.Infrastructure;

/// <summary>Text into the HTML of the server's reader pages: markup characters encoded, every script kept readable (WebUtility would turn "ü" into "&amp;#252;").</summary>
public static class HtmlText
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string text) => Encoder.Encode(text);
}
