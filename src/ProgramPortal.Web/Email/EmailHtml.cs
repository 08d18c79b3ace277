using Ganss.Xss;

namespace ProgramPortal.Email;

/// <summary>
/// The HTML staff may write in email templates: formatting, lists, tables, links and images, but no
/// scripts, event handlers, forms, frames or javascript: links. Template bodies are staff-written
/// HTML sent to leads and shown in the admin area's preview, so an editor's account must not be able
/// to put script in front of an Admin or a phishing form in front of a lead. Saving refuses what
/// would be removed (so nothing typed vanishes silently); composing cleans again, for text that
/// reached the database another way.
/// </summary>
public static class EmailHtml
{
    // Sanitize() is thread-safe on a shared instance as long as its settings are not changed.
    private static readonly HtmlSanitizer Shared = Create();

    public static string Sanitize(string html) => Shared.Sanitize(html);

    /// <summary>What sanitising would remove from this HTML, in words for staff; empty when it is fine.</summary>
    public static IReadOnlyList<string> Problems(string html)
    {
        var problems = new SortedSet<string>(StringComparer.Ordinal);
        // A fresh instance per check: the events collect into this call's list.
        var sanitizer = Create();
        sanitizer.RemovingTag += (_, e) => problems.Add($"the <{e.Tag.LocalName}> element");
        sanitizer.RemovingAttribute += (_, e) => problems.Add(e.Reason == RemoveReason.NotAllowedUrlValue
            ? $"the link “{e.Attribute.Value}” (only https:, http: and mailto: addresses)"
            : $"the {e.Attribute.Name} attribute of <{e.Tag.LocalName}>");
        sanitizer.RemovingStyle += (_, e) => problems.Add($"the style “{e.Style.Name}”");
        sanitizer.RemovingAtRule += (_, _) => problems.Add("a CSS @ rule");
        // Comments are dropped without a word: they never show, so nothing a reader sees is lost.
        sanitizer.Sanitize(html);
        return [.. problems];
    }

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("mailto");
        // Forms in an email are a phishing tool, and the composer writes the page's own html and body.
        foreach (var tag in (string[])["form", "input", "button", "select", "option", "optgroup", "textarea", "datalist",
                     "keygen", "fieldset", "legend", "label", "output", "meter", "progress", "menu", "menuitem",
                     "html", "head", "body"])
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        return sanitizer;
    }
}
