using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>An endpoint the app serves, with its route parameters filled in so it can be requested.</summary>
public sealed record SampledEndpoint(string Path, RouteEndpoint Endpoint)
{
    /// <summary>The named handlers of a Razor Page (?handler=Move), with their HTTP methods.</summary>
    public IEnumerable<(HttpMethod Method, string Name)> Handlers =>
        (Endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>()?.HandlerMethods ?? [])
        .Where(h => h.Name is not null)
        .Select(h => (new HttpMethod(h.HttpMethod.ToUpperInvariant()), h.Name!));
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
