using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Html;

namespace ProgramPortal.Seo;

/// <summary>schema.org structured data, written into a page as a JSON-LD script.</summary>
public static class JsonLd
{
    public const string Context = "https://schema.org";

    // The default encoder escapes <, > and & as \u003C etc., so content containing "</script>"
    // cannot close the script element early. Never swap in UnsafeRelaxedJsonEscaping here.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    public static IHtmlContent Script(JsonObject data) => new ScriptElement(data.ToJsonString(Options));

    public static JsonArray Array(IEnumerable<JsonNode> items) => new([.. items]);

    private sealed class ScriptElement(string json) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            writer.Write("<script type=\"application/ld+json\">");
            writer.Write(json);
            writer.Write("</script>");
        }
    }
}
