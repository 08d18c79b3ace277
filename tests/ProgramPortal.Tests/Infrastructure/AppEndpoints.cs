using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;
using ProgramPortal.Editing;
using ProgramPortal.Identity;
using ProgramPortal.Leads;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>An endpoint the app serves, with its route parameters filled in so it can be requested.</summary>
public sealed record SampledEndpoint(string Path, RouteEndpoint Endpoint)
{
    /// <summary>The named handlers of a Razor Page (?handler=Move), with their HTTP methods.</summary>
    public IEnumerable<(HttpMethod Method, string Name)> Handlers =>
        (Endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>()?.HandlerMethods ?? [])
        .Where(h => h.Name is not null)
        .Select(h => (new HttpMethod(h.HttpMethod.ToUpperInvariant()), h.Name!));

    /// <summary>A Razor Page with a POST handler: a form posts to it.</summary>
    public bool TakesForms => Endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>()?.HandlerMethods
        .Any(h => h.HttpMethod == "Post") == true;

    /// <summary>A Razor Page (as opposed to a static file, a minimal API or the jobs dashboard).</summary>
    public bool IsPage => Endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null;

    /// <summary>Open to visitors who are not signed in (the staff sign-in pages, the public site).</summary>
    public bool AllowsAnonymous => Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
        || Endpoint.Metadata.GetMetadata<IAuthorizeData>() is null;
}

/// <summary>Real rows for the route values of admin pages, so a page opens with its content rather than a 404.</summary>
public sealed record RealRouteValues(int LeadId, string StaffId)
{
    /// <summary>A lead taken in through the real intake (with its inquiry and emails) and an Editor.</summary>
    public static async Task<RealRouteValues> CreateAsync(PortalApp app)
    {
        var email = $"route-values-{Guid.NewGuid():N}@visitors.test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LeadIntake>().SubmitAsync(new Inquiry
            {
                SubmittedAt = DateTimeOffset.UtcNow, FirstName = "Ada", LastName = "Lovelace", Email = email, NormalizedEmail = email,
                CountryCode = "US", Track = TrackInterest.IT, StartTerm = StartTerms.Offered(DateTimeOffset.UtcNow)[0],
                YearsOfExperience = 4, Message = "Is the program fully online?",
                ConsentVersion = ConsentStatement.Version, ConsentText = ConsentStatement.Text,
            });
        }

        // One recorded save of each type's first item, so its history has an original version to restore.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var history = scope.ServiceProvider.GetRequiredService<ContentHistory>();
            foreach (var type in ContentTypes.All)
            {
                if ((await type.ListAsync(db, CancellationToken.None)).FirstOrDefault() is { } first
                    && await type.FindAsync(db, first.Id, CancellationToken.None) is { } item)
                {
                    history.Track(type, item, ChangeAction.Updated);
                }
            }

            await history.SaveAsync("route-values@staff.test", CancellationToken.None);
        }

        await using var leads = app.NewDbContext();
        var leadId = await leads.Leads.Where(l => l.NormalizedEmail == email).Select(l => l.Id).SingleAsync();
        return new RealRouteValues(leadId, await app.CreateStaffAsync($"route-values-{Guid.NewGuid():N}@staff.test", StaffRoles.Editor));
    }
}

/// <summary>
/// Every endpoint read from the routing system rather than listed by hand, so a page, static file
/// or API added later is covered by the tests that walk them all.
/// </summary>
public static partial class AppEndpoints
{
    public static IReadOnlyList<SampledEndpoint> Sampled(this PortalApp app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(endpoint => new SampledEndpoint(
                "/" + RouteParameter().Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), SampleValue), endpoint))];

    /// <summary>
    /// Every admin endpoint with its route values naming real rows: {type} once per content type,
    /// an {id} of that content type (an optional one also left out: the "add" form, except for a
    /// fixed set), the given lead and staff member, the CSV export, and the jobs dashboard's start page.
    /// </summary>
    public static async Task<IReadOnlyList<SampledEndpoint>> AdminWithRealIdsAsync(this PortalApp app, RealRouteValues ids)
    {
        var firstIds = new Dictionary<string, int?>();
        await using (var db = app.NewDbContext())
        {
            foreach (var type in ContentTypes.All)
            {
                firstIds[type.Slug] = (await type.ListAsync(db, CancellationToken.None)).FirstOrDefault()?.Id;
            }
        }

        var sampled = new List<SampledEndpoint>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (!pattern.StartsWith("/admin", StringComparison.Ordinal))
            {
                continue;
            }

            IEnumerable<string> paths = pattern.Contains("{type}") ? ContentTypes.All.Select(t => pattern.Replace("{type}", t.Slug)) : [pattern];
            foreach (var path in paths)
            {
                var type = ContentTypes.All.FirstOrDefault(t => path.StartsWith(t.ListUrl + "/", StringComparison.Ordinal) || path == t.ListUrl);
                // A fixed set (the program facts, the two tracks) is edited in place, never added to or deleted from.
                if (type is { FixedSet: true } && path.EndsWith("/delete", StringComparison.Ordinal))
                {
                    continue;
                }

                var id = path switch
                {
                    _ when type is not null => firstIds[type.Slug]?.ToString(),
                    _ when path.StartsWith("/admin/leads", StringComparison.Ordinal) => ids.LeadId.ToString(),
                    _ when path.StartsWith("/admin/staff", StringComparison.Ordinal) => ids.StaffId,
                    _ => null,
                };
                var filled = RouteParameter().Replace(path, parameter => parameter.Groups["name"].Value switch
                {
                    "id" => id ?? SampleValue(parameter),
                    "format" => "csv",
                    "version" => ContentVersions.OriginalKey,
                    _ when parameter.Value.StartsWith("{*", StringComparison.Ordinal) => "",
                    _ => SampleValue(parameter),
                }).TrimEnd('/');
                sampled.Add(new SampledEndpoint(filled, endpoint));
                if (Regex.IsMatch(path, @"\{id(:\w+)?\?\}") && type is not { FixedSet: true })
                {
                    sampled.Add(new SampledEndpoint(RouteParameter().Replace(path, "").TrimEnd('/'), endpoint));
                }
            }
        }

        return sampled;
    }

    private static string SampleValue(Match parameter) => parameter.Groups["constraint"].Value switch
    {
        "int" => "1",
        "guid" => Guid.Empty.ToString(),
        _ when parameter.Groups["name"].Value == "type" => "faq",
        _ => "sample",
    };

    [GeneratedRegex(@"\{\*{0,2}(?<name>\w+)(:(?<constraint>\w+))?\??\}")]
    private static partial Regex RouteParameter();
}
