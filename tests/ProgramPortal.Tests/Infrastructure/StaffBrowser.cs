using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>A page as a browser got it: where it ended up after redirects, its status and its parsed HTML.</summary>
public sealed record BrowserPage(Uri Url, HttpStatusCode Status, string Html, IDocument Document)
{
    public string Path => Url.PathAndQuery;
    public string Text => Document.Body?.TextContent ?? "";

    /// <summary>The validation message shown beside a form field; a page without one fails the test here.</summary>
    public string FieldError(string field) =>
        Document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent
        ?? throw new InvalidOperationException($"No message for {field} on {Path}:\n{Text}");
}

/// <summary>
/// Drives the app over HTTPS like a browser with cookies: follows redirects, and submits forms
/// with every field the page rendered (hidden version fields and antiforgery tokens included),
/// so tests exercise exactly what staff send.
/// </summary>
public sealed class StaffBrowser(HttpClient client) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client => client;

    public async Task<BrowserPage> GetAsync(string url) => await FollowAsync(await client.GetAsync(url));

    /// <summary>
    /// Fills the form the selector names (by default the page's first form in main) and submits it.
    /// Fields given replace every value of that name; a null value removes the field.
    /// </summary>
    public async Task<BrowserPage> SubmitAsync(BrowserPage page, string formSelector = "main form[method=post]",
        params (string Name, string? Value)[] fields)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Path}:\n{page.Text}");
        return await SubmitAsync(page, form, form.GetAttribute("action"), fields);
    }

    /// <summary>Submits the form a button belongs to as that button would: to its formaction (a page handler) if it has one.</summary>
    public async Task<BrowserPage> ClickAsync(BrowserPage page, string buttonSelector, params (string Name, string? Value)[] fields)
    {
        var button = page.Document.QuerySelector<IHtmlButtonElement>(buttonSelector)
            ?? throw new InvalidOperationException($"No button '{buttonSelector}' on {page.Path}:\n{page.Text}");
        var form = button.Form ?? throw new InvalidOperationException($"The button '{buttonSelector}' is in no form");
        return await SubmitAsync(page, form, button.GetAttribute("formaction") ?? form.GetAttribute("action"), fields);
    }

    private async Task<BrowserPage> SubmitAsync(BrowserPage page, IHtmlFormElement form, string? action,
        (string Name, string? Value)[] fields)
    {
        var values = FormValues(form).Where(v => fields.All(f => f.Name != v.Name)).ToList();
        values.AddRange(fields.Where(f => f.Value is not null).Select(f => (f.Name, f.Value!)));
        var target = action is { Length: > 0 } ? new Uri(page.Url, action) : page.Url;
        return await PostAsync(target.PathAndQuery, values);
    }

    /// <summary>Follows the link the selector names, as a click on it would.</summary>
    public async Task<BrowserPage> ClickLinkAsync(BrowserPage page, string linkSelector)
    {
        var href = page.Document.QuerySelector(linkSelector)?.GetAttribute("href")
            ?? throw new InvalidOperationException($"No link '{linkSelector}' on {page.Path}:\n{page.Text}");
        return await GetAsync(new Uri(page.Url, href).PathAndQuery);
    }

    public async Task<BrowserPage> PostAsync(string url, IEnumerable<(string Name, string Value)> values)
    {
        using var content = new FormUrlEncodedContent(values.Select(v => KeyValuePair.Create(v.Name, v.Value)));
        return await FollowAsync(await client.PostAsync(url, content));
    }

    /// <summary>The antiforgery token any form of the page carries (they are all the same for one user).</summary>
    public static string AntiforgeryToken(BrowserPage page) =>
        page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException($"No antiforgery token on {page.Path}");

    private static IEnumerable<(string Name, string Value)> FormValues(IHtmlFormElement form)
    {
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Name is { Length: > 0 } name
                    && input.Type is not ("submit" or "button" or "reset")
                    && (input.Type is not ("checkbox" or "radio") || input.IsChecked):
                    yield return (name, input.Value);
                    break;
                case IHtmlTextAreaElement textArea when textArea.Name is { Length: > 0 } name:
                    yield return (name, textArea.Value);
                    break;
                case IHtmlSelectElement select when select.Name is { Length: > 0 } name:
                    var chosen = select.Options.FirstOrDefault(o => o.IsSelected) ?? select.Options.FirstOrDefault();
                    if (chosen is not null)
                    {
                        yield return (name, chosen.Value);
                    }

                    break;
            }
        }
    }

    private async Task<BrowserPage> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            var url = response.RequestMessage!.RequestUri!;
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                response.Dispose();
                response = await client.GetAsync(new Uri(url, location));
                continue;
            }

            using (response)
            {
                var html = await response.Content.ReadAsStringAsync();
                return new BrowserPage(url, response.StatusCode, html, Parser.ParseDocument(html));
            }
        }

        throw new InvalidOperationException("Too many redirects");
    }

    public void Dispose() => client.Dispose();
}
