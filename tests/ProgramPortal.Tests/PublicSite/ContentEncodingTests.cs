using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Content;
using ProgramPortal.Data;
using ProgramPortal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProgramPortal.Tests.PublicSite;

/// <summary>The app after staff typed a script tag into every kind of public content.</summary>
public class ScriptInContentPortalApp : PortalApp
{
    public const string Payload = "<script>alert(1)</script>";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await this.EditContentAsync(EditEverythingAsync);
    }

    private static async Task EditEverythingAsync(PortalDbContext db)
    {
        var program = await db.Programs.SingleAsync();
        program.Name += Payload;
        program.Summary += Payload;
        program.Pathways[0] += Payload;
        (await db.Statistics.OrderBy(s => s.SortOrder).FirstAsync()).Label += Payload;
        (await db.Tracks.SingleAsync(t => t.Code == TrackCode.IS)).Name += Payload;
        var role = await db.CareerRoles.SingleAsync(r => r.Title == "Chief Information Officer (CIO)");
        role.Title += Payload;
        role.Description += Payload;
        (await db.CommonRoles.OrderBy(c => c.SortOrder).FirstAsync()).Title += Payload;
        var example = await db.CollaborationExamples.SingleAsync();
        example.Scenario += Payload;
        example.ItContributions = [.. example.ItContributions, Payload];
        (await db.ComparisonRows.OrderBy(r => r.SortOrder).FirstAsync()).ItText += Payload;
        (await db.SharedSkills.OrderBy(s => s.SortOrder).FirstAsync()).Description += Payload;
        var path = await db.EducationPaths.OrderBy(p => p.SortOrder).FirstAsync();
        path.Options = [.. path.Options, Payload];
        (await db.PathQuestions.OrderBy(q => q.SortOrder).FirstAsync()).Guidance += Payload;
        var faq = await db.FaqItems.OrderBy(f => f.SortOrder).FirstAsync();
        faq.Question += Payload;
        faq.Answer += Payload;
        (await db.Sources.OrderBy(s => s.SortOrder).FirstAsync()).UsedFor += Payload;
    }
}

/// <summary>Staff-entered text is shown as text on every page, never run as script.</summary>
public class ContentEncodingTests(ScriptInContentPortalApp app, ITestOutputHelper output) : IClassFixture<ScriptInContentPortalApp>
{
    private const string Payload = ScriptInContentPortalApp.Payload;

    [Theory]
    [MemberData(nameof(PublicPaths.Each), MemberType = typeof(PublicPaths))]
    public async Task Script_in_content_is_shown_as_text_and_never_runs(string path)
    {
        var html = await app.GetPageAsync(path);
        var page = await new HtmlParser().ParseDocumentAsync(html);

        Assert.DoesNotContain(Payload, html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains(Payload, page.Body!.TextContent);
        // The only scripts on a page are its JSON-LD blocks, which still carry the text intact.
        Assert.All(page.Scripts, script => Assert.Equal("application/ld+json", script.Type));
        Assert.All(page.JsonLd(), data => Assert.Contains(StringsIn(data), text => text.Contains(Payload)));
        var shown = page.Body.TextContent.Split(Payload).Length - 1;
        output.WriteLine($"{path}: script payloads shown as text: {shown}, script elements that would run: "
            + page.Scripts.Count(script => script.Type != "application/ld+json"));
    }

    private static IEnumerable<string> StringsIn(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => StringsIn(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(StringsIn),
        _ => [],
    };
}
