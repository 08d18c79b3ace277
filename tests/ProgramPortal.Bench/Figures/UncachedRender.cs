using System.Diagnostics;

namespace ProgramPortal.Bench.Figures;

/// <summary>
/// Figure 2: /careers rendered afresh on every request (the output cache switched off through
/// PublicPageCache__Enabled), one request at a time: the median time, against nginx handing out
/// the same bytes one request at a time, and the statements PostgreSQL ran per page.
/// </summary>
public static class UncachedRender
{
    private const string Path = "/careers";
    private const int MaxRoundTrips = 2;

    public static async Task RunAsync(BenchSettings settings, BenchDatabase databases, ResultTable results)
    {
        var database = await databases.CreateAsync("bench_render");
        await using var app = await AppProcess.StartAsync(settings, database, new Dictionary<string, string>
        {
            ["PublicPageCache__Enabled"] = "false",
            // No job server polling the database, so every statement counted comes from a page.
            ["Jobs__RunServer"] = "false",
        });
        using var client = app.CreateClient();
        using var nginx = new HttpClient { BaseAddress = settings.Nginx };
        await TimeAsync(client, settings.RenderSamples / 4);
        await TimeAsync(nginx, settings.RenderSamples / 4);

        await databases.ResetStatementsAsync();
        var render = await TimeAsync(client, settings.RenderSamples);
        var statements = await databases.StatementsSinceResetAsync("bench_render");
        var floor = await TimeAsync(nginx, settings.RenderSamples);

        results.Add(new Result(2, $"uncached GET {Path}, median of {settings.RenderSamples} (1 conn), vs nginx static",
            ResultTable.Milliseconds(render), ResultTable.Milliseconds(floor), ResultTable.Ratio(floor, render), "report", null));
        var perPage = (double)statements / settings.RenderSamples;
        results.Add(new Result(2, $"database round trips per uncached {Path}", $"{perPage:0.0#}", $"{MaxRoundTrips}", "-",
            $"<= {MaxRoundTrips}", perPage <= MaxRoundTrips));
    }

    /// <summary>Requests the page one after another; returns the median time in milliseconds.</summary>
    private static async Task<double> TimeAsync(HttpClient client, int samples)
    {
        var times = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(Path);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[samples / 2];
    }
}
