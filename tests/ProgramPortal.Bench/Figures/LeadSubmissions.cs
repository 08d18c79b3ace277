using System.Diagnostics;
using System.Net;
using Npgsql;
using NpgsqlTypes;

namespace ProgramPortal.Bench.Figures;

/// <summary>
/// Figure 3: leads accepted through the real form (antiforgery, validation, insert, email
/// scheduling) by concurrent visitors, against the same number of connections each running a plain
/// Npgsql loop of single-row inserts into a copy of the leads table. Only configuration changes:
/// the per-IP rate limit is lifted and the minimum fill time is zero, because every visitor here
/// comes from 127.0.0.1 and posts at once.
/// </summary>
public static class LeadSubmissions
{
    private const string Database = "bench_leads";
    private const string EmailDomain = "form.bench.example";
    private const double MinimumRate = 500;
    private const double RatioTarget = 0.25;
    private const double P99TargetMs = 100;

    public static async Task RunAsync(BenchSettings settings, BenchDatabase databases, ResultTable results)
    {
        var database = await databases.CreateAsync(Database);
        var rawRate = await RawInsertRateAsync(database, settings.Leads, settings.LeadClients);

        await using var app = await AppProcess.StartAsync(settings, database, new Dictionary<string, string>
        {
            ["Leads__FormPostsPerWindow"] = "1000000",
            ["Leads__MinimumFillTime"] = "00:00:00",
            // This instance only takes leads: sending the emails it schedules is figure 5.
            ["Jobs__RunServer"] = "false",
        });
        using var client = app.CreateClient();

        // Each visitor opens all of its forms first: the figure is about posting them. A first
        // round, not counted, lets the JIT and EF Core compile the post's code and queries.
        var warmUp = await PostAllAsync(await OpenFormsAsync(client, settings.LeadClients, settings.LeadWarmUp / settings.LeadClients), "warm");
        var perClient = settings.Leads / settings.LeadClients;
        var visitors = await OpenFormsAsync(client, settings.LeadClients, perClient);
        var cpuBefore = app.CpuTime;
        var clock = Stopwatch.StartNew();
        var (latencies, failures) = await PostAllAsync(visitors, "lead");
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuPerLead = (app.CpuTime - cpuBefore).TotalMilliseconds / (perClient * settings.LeadClients);
        var accepted = await BenchDatabase.CountAsync(database,
            $"SELECT count(*) FROM leads WHERE email LIKE 'lead%@{EmailDomain}'");
        if (warmUp.Failures + failures > 0 || accepted != perClient * settings.LeadClients)
        {
            throw new InvalidOperationException(
                $"{failures} form posts were not accepted; {accepted} leads stored of {perClient * settings.LeadClients}:\n{app.LastLines}");
        }

        latencies.Sort();
        var rate = accepted / seconds;
        var p99 = latencies[(int)Math.Ceiling(latencies.Count * 0.99) - 1];
        results.Add(new Result(3, $"leads accepted ({settings.LeadClients} clients), vs Npgsql single-row insert loop",
            ResultTable.PerSecond(rate), ResultTable.PerSecond(rawRate), ResultTable.Ratio(rate, rawRate),
            $">= {MinimumRate:0} /s and >= {RatioTarget}", rate >= MinimumRate && rate / rawRate >= RatioTarget));
        results.Add(new Result(3, "app CPU time per accepted lead", ResultTable.Milliseconds(cpuPerLead), "-", "-", "report", null));
        results.Add(new Result(3, "lead form post p99 latency", ResultTable.Milliseconds(p99), "-", "-",
            $"< {P99TargetMs} ms", p99 < P99TargetMs));
    }

    private static async Task<(FormSession Session, List<Dictionary<string, string>> Forms)[]> OpenFormsAsync(
        HttpClient client, int visitors, int formsEach) =>
        await Task.WhenAll(Enumerable.Range(0, visitors).Select(async _ =>
        {
            var session = new FormSession(client);
            var forms = new List<Dictionary<string, string>>();
            for (var i = 0; i < formsEach; i++)
            {
                forms.Add(await session.OpenFormAsync("/request-info"));
            }

            return (session, forms);
        }));

    /// <summary>Every visitor posts its forms one after another, all visitors at once; returns each post's time.</summary>
    private static async Task<(List<double> Latencies, int Failures)> PostAllAsync(
        (FormSession Session, List<Dictionary<string, string>> Forms)[] visitors, string prefix)
    {
        var latencies = new List<double>();
        var failures = 0;
        await Task.WhenAll(visitors.Select(async (visitor, v) =>
        {
            for (var i = 0; i < visitor.Forms.Count; i++)
            {
                var sent = Stopwatch.StartNew();
                using var response = await visitor.Session.PostFormAsync("/request-info", Fill(visitor.Forms[i], $"{prefix}{v}n{i}"));
                var elapsed = sent.Elapsed.TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(elapsed);
                    failures += response.StatusCode == HttpStatusCode.Redirect ? 0 : 1;
                }
            }
        }));
        return (latencies, failures);
    }

    /// <summary>A valid request-information form from this opened one (honeypot left empty), for the address id@form.bench.example.</summary>
    internal static List<KeyValuePair<string, string>> Fill(Dictionary<string, string> form, string id) =>
    [
        .. form.Where(f => f.Key != "Input.Website"),
        new("Input.FirstName", "Robin"),
        new("Input.LastName", "Bench"),
        new("Input.Email", $"{id}@{EmailDomain}"),
        new("Input.Phone", "+1 619 555 0100"),
        new("Input.CountryCode", "US"),
        new("Input.Track", "IT"),
        new("Input.YearsOfExperience", "6"),
        new("Input.Message", "How many hours a week does the program take?"),
        new("Input.Consent", "true"),
    ];

    /// <summary>Rows per second that plain single-row INSERTs reach on the same server and table shape.</summary>
    private static async Task<double> RawInsertRateAsync(string database, int rows, int connections)
    {
        await BenchDatabase.ExecuteAsync(database, "CREATE TABLE raw_leads (LIKE leads INCLUDING ALL)");
        var perConnection = rows / connections;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async c =>
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO raw_leads (first_name, last_name, email, normalized_email, phone, country_code, track,
                    start_term, years_of_experience, consent_version, status, created_at, last_inquiry_at)
                VALUES ('Robin', 'Bench', $1, $1, '+1 619 555 0100', 'US', 'IT', 'Fall 2027', 6, '2026-11', 'New', $2, $2)
                """, connection);
            var email = insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Varchar });
            var now = insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await insert.PrepareAsync();
            for (var i = 0; i < perConnection; i++)
            {
                email.Value = $"c{c}n{i}@raw.bench.example";
                now.Value = DateTime.UtcNow;
                await insert.ExecuteNonQueryAsync();
            }
        }));
        return perConnection * connections / clock.Elapsed.TotalSeconds;
    }
}
