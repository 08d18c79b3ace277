namespace ProgramPortal.Bench;

/// <summary>What deploy/bench.sh hands over (environment variables), and how big each measurement is.</summary>
public sealed record BenchSettings
{
    public required bool Smoke { get; init; }
    /// <summary>`--only 3,5`: just those figures (figure 1 brings figure 6 with it); all when empty.</summary>
    public required IReadOnlyList<int> Only { get; init; }
    /// <summary>The published ProgramPortal.Web.dll.</summary>
    public required string AppAssembly { get; init; }
    /// <summary>The throwaway cluster's maintenance database, as its superuser.</summary>
    public required string Postgres { get; init; }
    /// <summary>nginx on loopback, serving <see cref="NginxRoot"/>.</summary>
    public required Uri Nginx { get; init; }
    public required string NginxRoot { get; init; }
    public required string WorkDirectory { get; init; }

    public bool Runs(int figure) => Only.Count == 0 || Only.Contains(figure);

    public int Connections => 64;
    public TimeSpan WrkDuration => Smoke ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(10);
    public TimeSpan WrkWarmUp => Smoke ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(3);
    public int RenderSamples => Smoke ? 20 : 400;
    public int Leads => Smoke ? 40 : 5_000;
    public int LeadClients => Smoke ? 4 : 16;
    public int LeadWarmUp => Smoke ? 8 : 320;
    public int ExportRows => Smoke ? 10_000 : 1_000_000;
    public int Emails => Smoke ? 50 : 10_000;

    public static BenchSettings FromEnvironment(string[] args) => new()
    {
        Smoke = args.Contains("--smoke"),
        Only = args.SkipWhile(a => a != "--only").Skip(1).Take(1)
            .SelectMany(list => list.Split(',')).Select(int.Parse).ToList(),
        AppAssembly = Required("BENCH_APP"),
        Postgres = Required("BENCH_POSTGRES"),
        Nginx = new Uri(Required("BENCH_NGINX_URL")),
        NginxRoot = Required("BENCH_NGINX_ROOT"),
        WorkDirectory = Required("BENCH_WORK_DIR"),
    };

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set; run this through deploy/bench.sh.");
}
