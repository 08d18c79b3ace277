using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.PublicSite;

public partial class SpeedTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task The_stylesheet_has_a_fingerprinted_name_and_is_cached_for_a_year()
    {
        var href = (await app.GetDocumentAsync("/")).QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Matches(FingerprintedCss(), href);

        // Tests run from the build output, whose manifest makes MapStaticAssets reload edited files
        // and send no-cache; a published app (deploy/run.sh) has neither, as this setting reproduces.
        using var published = app.WithWebHostBuilder(b => b.UseSetting("ReloadStaticAssetsAtRuntime", "false"));
        using var response = await published.CreateClient().GetAsync(href);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
        Assert.Contains("skip-link", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_are_sent_compressed_to_browsers_that_accept_it(string encoding)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        using var response = await client.GetAsync("/careers");

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
    }

    [GeneratedRegex(@"^/css/site\.[a-z0-9]{6,}\.css$")]
    private static partial Regex FingerprintedCss();
}
