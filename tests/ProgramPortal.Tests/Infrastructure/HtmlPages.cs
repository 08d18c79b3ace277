using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using ProgramPortal.Data;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>Reading pages the way a browser and a search engine do: as a DOM, not as a string.</summary>
public static class HtmlPages
{
    public static async Task<IDocument> GetDocumentAsync(this PortalApp app, string path) =>
        await new HtmlParser().ParseDocumentAsync(await app.GetPageAsync(path));

    public static string Text(this IElement element) => element.TextContent.Trim();

    /// <summary>Every JSON-LD block of the page, parsed; a block that is not valid JSON fails the test here.</summary>
    public static IReadOnlyList<JsonElement> JsonLd(this IDocument page) =>
        page.QuerySelectorAll("script[type='application/ld+json']")
            .Select(script => JsonDocument.Parse(script.TextContent).RootElement.Clone())
            .ToList();

    /// <summary>Changes content through the app's own services, as an admin page would, so cached pages are evicted.</summary>
    public static async Task EditContentAsync(this PortalApp app, Func<PortalDbContext, Task> edit)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await edit(db);
        await db.SaveChangesAsync();
    }
}
