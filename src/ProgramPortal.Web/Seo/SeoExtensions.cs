using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.Options;
using ProgramPortal.Hosting;

namespace ProgramPortal.Seo;

public static class SeoExtensions
{
    public static WebApplication MapSeoEndpoints(this WebApplication app)
    {
        app.MapGet("/sitemap.xml", (IOptions<SiteOptions> site) =>
            Results.Text(Sitemap(site.Value), "application/xml", Encoding.UTF8));

        app.MapGet("/robots.txt", (IOptions<SiteOptions> site) => Results.Text(
            $"User-agent: *\nDisallow: /admin\n\nSitemap: {site.Value.UrlFor("/sitemap.xml")}\n",
            "text/plain", Encoding.UTF8));
        return app;
    }

    private static string Sitemap(SiteOptions site)
    {
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(ns + "urlset", PublicPages.Paths.Select(path =>
                new XElement(ns + "url", new XElement(ns + "loc", site.UrlFor(path))))));
        return document.Declaration + "\n" + document;
    }
}
