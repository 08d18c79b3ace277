using Microsoft.AspNetCore.Http;

namespace ProgramPortal.Hosting;

/// <summary>
/// The `healthcheck` verb: asks this machine's running portal for /healthz. The container image
/// has no curl or wget (nor a shell), so the app probes itself and Docker reads the exit code.
/// </summary>
public static class HealthProbe
{
    public const string Path = "/healthz";
    private const string KestrelDefault = "http://localhost:5000";

    public static async Task<int> RunAsync(IConfiguration configuration)
    {
        var url = new Uri(LocalBaseAddress(configuration), Path);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(url);
            Console.WriteLine($"{url} answered {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.WriteLine($"{url} did not answer: {e.Message}");
            return 1;
        }
    }

    /// <summary>Where Kestrel listens, in Kestrel's own order: --urls (ASPNETCORE_URLS), then ASPNETCORE_HTTP_PORTS.</summary>
    public static Uri LocalBaseAddress(IConfiguration configuration)
    {
        var http = Split(configuration["urls"])
            .Select(BindingAddress.Parse)
            .FirstOrDefault(address => address.Scheme == Uri.UriSchemeHttp);
        if (http is not null)
        {
            // A wildcard binding (*, +, 0.0.0.0, [::]) listens on loopback too.
            var host = http.Host is "*" or "+" or "0.0.0.0" or "[::]" ? "localhost" : http.Host;
            return new Uri($"http://{host}:{http.Port}");
        }

        var port = Split(configuration["http_ports"]).FirstOrDefault();
        return new Uri(port is null ? KestrelDefault : $"http://localhost:{port}");
    }

    private static string[] Split(string? list) =>
        (list ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
