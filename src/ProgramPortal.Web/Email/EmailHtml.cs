using AngleSharp.Dom;
using Ganss.Xss;
using Microsoft.Extensions.Options;
using ProgramPortal.Hosting;

namespace ProgramPortal.Email;

/// <summary>
/// The HTML staff may write in email templates: formatting, lists, tables, links and images, but no
/// scripts, event handlers, forms, frames or javascript: links. Template bodies are staff-written
/// HTML sent to leads and shown in the admin area's preview, so an editor's account must not be able
/// to put script in front of an Admin or a phishing form in front of a lead. Nor may a template carry
/// a person's details to another site: placeholders stay out of attributes (links, image addresses,
/// styles), and images load only from the portal's own address or hosts an Admin allows
/// (<see cref="MailOptions.AllowedImageHosts"/>), since a mail program fetches them as it opens the email.
/// Saving refuses what would be removed (so nothing typed vanishes silently); composing cleans again,
/// for text that reached the database another way.
/// </summary>
public sealed class EmailHtml
{
    // Sanitize() is thread-safe on a shared instance as long as its settings are not changed.
    private readonly HtmlSanitizer _shared;
    private readonly HashSet<string> _imageHosts;

    public EmailHtml(IOptions<SiteOptions> site, IOptions<MailOptions> mail)
    {
        _imageHosts = new HashSet<string>(mail.Value.ImageHosts(), StringComparer.OrdinalIgnoreCase)
        {
            new Uri(site.Value.PublicBaseUrl).Host,
        };
        _shared = Create(report: null);
    }

    /// <summary>
    /// Cleans template HTML whose placeholders are still as written: what is left has placeholders in
    /// text only (and {{unsubscribe_url}} as a whole link), ready for <see cref="TemplatePlaceholders.Render"/>.
    /// </summary>
    public string Sanitize(string html) => _shared.Sanitize(html);

    /// <summary>The values of every style attribute in an HTML fragment, as a browser parses them.</summary>
    public static IEnumerable<string> StyleAttributes(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("[style]")
            .Select(element => element.GetAttribute("style")!);

    /// <summary>What sanitising would remove from this HTML, in words for staff; empty when it is fine.</summary>
    public IReadOnlyList<string> Problems(string html)
    {
        var problems = new SortedSet<string>(StringComparer.Ordinal);
        // A fresh instance per check: the events collect into this call's list.
        var sanitizer = Create(problem => problems.Add(problem));
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

    private HtmlSanitizer Create(Action<string>? report)
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("mailto");
        // Forms in an email are a phishing tool, and the composer writes the page's own html and body.
        // Media and picture sources load from addresses the image rule below does not look at.
        foreach (var tag in (string[])["form", "input", "button", "select", "option", "optgroup", "textarea", "datalist",
                     "keygen", "fieldset", "legend", "label", "output", "meter", "progress", "menu", "menuitem",
                     "html", "head", "body", "audio", "video", "source", "track", "picture"])
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        foreach (var attribute in (string[])["background", "srcset", "poster", "lowsrc", "dynsrc"])
        {
            sanitizer.AllowedAttributes.Remove(attribute);
        }

        sanitizer.PostProcessDom += (_, e) => Confine(e.Document.Body!, report);
        return sanitizer;
    }

    /// <summary>Takes out images from other hosts, placeholders in attributes and CSS addresses, reporting each.</summary>
    private void Confine(IElement root, Action<string>? report)
    {
        foreach (var element in root.QuerySelectorAll("*").ToList())
        {
            var tag = element.LocalName;
            if (tag == "img" && element.GetAttribute("src") is var src && !IsAllowedImage(src))
            {
                report?.Invoke($"the image “{src}” (images come only from {string.Join(", ", _imageHosts.Order())}, "
                    + "with the full address; an Admin can allow other hosts with Mail__AllowedImageHosts)");
                element.Remove();
                continue;
            }

            foreach (var attribute in element.Attributes.ToList())
            {
                if (IsUnsubscribeLink(tag, attribute))
                {
                    continue;
                }

                // Unescaped too: "%7B%7Bemail%7D%7D" is a placeholder waiting for a decoder.
                var value = Uri.UnescapeDataString(attribute.Value);
                if (value.Contains("{{"))
                {
                    var written = value[value.IndexOf("{{", StringComparison.Ordinal)..];
                    written = written[..(written.IndexOf("}}", StringComparison.Ordinal) is >= 0 and var end ? end + 2 : written.Length)];
                    report?.Invoke($"the placeholder {written} in the {attribute.Name} attribute of <{tag}> (placeholders fill in text only, "
                        + "never link or image addresses or styles; only {{unsubscribe_url}} may be a whole link: <a href=\"{{unsubscribe_url}}\">)");
                    element.RemoveAttribute(attribute.Name);
                }
                else if (attribute.Name == "style" && attribute.Value.Contains("url(", StringComparison.OrdinalIgnoreCase))
                {
                    report?.Invoke($"the address in the style of <{tag}> (images come only from <img> elements)");
                    element.RemoveAttribute(attribute.Name);
                }
            }
        }
    }

    private static bool IsUnsubscribeLink(string tag, IAttr attribute) =>
        tag == "a" && attribute.Name == "href"
        && Uri.UnescapeDataString(attribute.Value).Trim() == "{{" + TemplatePlaceholders.UnsubscribeUrl + "}}";

    private bool IsAllowedImage(string? src) =>
        Uri.TryCreate(src, UriKind.Absolute, out var uri) && uri.Scheme is ("https" or "http") && _imageHosts.Contains(uri.Host);
}
