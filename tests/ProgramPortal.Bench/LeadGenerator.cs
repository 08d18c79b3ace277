using Npgsql;
using NpgsqlTypes;

namespace ProgramPortal.Bench;

/// <summary>
/// Writes generated leads, each with the inquiry it came from, straight into the app's tables with
/// binary COPY: a million rows in seconds, where going through the form would take an hour.
/// </summary>
public static class LeadGenerator
{
    public const string EmailDomain = "generated.bench.example";

    private const string LeadColumns = "id, first_name, last_name, email, normalized_email, phone, country_code, track, "
        + "start_term, years_of_experience, consent_version, status, created_at, last_inquiry_at";

    private const string InquiryColumns = "lead_id, submitted_at, first_name, last_name, email, normalized_email, phone, "
        + "country_code, track, start_term, years_of_experience, message, consent_version, consent_text, resubscribed, "
        + "utm_source, utm_medium, utm_campaign, referrer";

    private static readonly string[] Tracks = ["IS", "IT", "Undecided"];
    private static readonly string[] Statuses = ["New", "Contacted", "Applied", "Enrolled", "Closed"];
    private static readonly string[] Countries = ["US", "CA", "MX", "GB", "IN", "DE"];

    public static async Task GenerateAsync(string connectionString, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var start = DateTimeOffset.UtcNow.AddDays(-365);

        await using (var leads = await connection.BeginBinaryImportAsync($"COPY leads ({LeadColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            for (var n = 1; n <= count; n++)
            {
                var created = start.AddSeconds(n * 31_536_000.0 / count);
                await leads.StartRowAsync();
                await leads.WriteAsync(n, NpgsqlDbType.Integer);
                await WritePersonAsync(leads, n);
                await leads.WriteAsync("2026-11", NpgsqlDbType.Varchar);
                await leads.WriteAsync(Statuses[n % Statuses.Length], NpgsqlDbType.Varchar);
                await leads.WriteAsync(created.UtcDateTime, NpgsqlDbType.TimestampTz);
                await leads.WriteAsync(created.UtcDateTime, NpgsqlDbType.TimestampTz);
            }

            await leads.CompleteAsync();
        }

        await using (var inquiries = await connection.BeginBinaryImportAsync($"COPY inquiries ({InquiryColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            for (var n = 1; n <= count; n++)
            {
                var created = start.AddSeconds(n * 31_536_000.0 / count);
                await inquiries.StartRowAsync();
                await inquiries.WriteAsync(n, NpgsqlDbType.Integer);
                await inquiries.WriteAsync(created.UtcDateTime, NpgsqlDbType.TimestampTz);
                await WritePersonAsync(inquiries, n);
                await inquiries.WriteAsync(n % 3 == 0 ? "Can I study part-time while working?" : null, NpgsqlDbType.Varchar);
                await inquiries.WriteAsync("2026-11", NpgsqlDbType.Varchar);
                await inquiries.WriteAsync("I agree that the admissions team may email me about the program.", NpgsqlDbType.Varchar);
                await inquiries.WriteAsync(false, NpgsqlDbType.Boolean);
                await inquiries.WriteAsync(n % 2 == 0 ? "newsletter" : null, NpgsqlDbType.Varchar);
                await inquiries.WriteAsync(n % 2 == 0 ? "email" : null, NpgsqlDbType.Varchar);
                await inquiries.WriteAsync(n % 2 == 0 ? "fall-open-house" : null, NpgsqlDbType.Varchar);
                await inquiries.WriteAsync(n % 4 == 0 ? "https://www.example.org/it-careers" : null, NpgsqlDbType.Varchar);
            }

            await inquiries.CompleteAsync();
        }

        // Ids were given explicitly; the identity must continue after them for leads the app adds.
        await using var sequence = new NpgsqlCommand(
            "SELECT setval(pg_get_serial_sequence('leads', 'id'), (SELECT max(id) FROM leads)); ANALYZE leads; ANALYZE inquiries",
            connection);
        await sequence.ExecuteNonQueryAsync();
    }

    /// <summary>The person columns a lead and its inquiry share, in the same order in both tables.</summary>
    private static async Task WritePersonAsync(NpgsqlBinaryImporter row, int n)
    {
        var email = $"lead{n}@{EmailDomain}";
        await row.WriteAsync("Alex", NpgsqlDbType.Varchar);
        await row.WriteAsync($"Generated {n}", NpgsqlDbType.Varchar);
        await row.WriteAsync(email, NpgsqlDbType.Varchar);
        await row.WriteAsync(email, NpgsqlDbType.Varchar);
        await row.WriteAsync($"+1 619 555 {n % 10_000:0000}", NpgsqlDbType.Varchar);
        await row.WriteAsync(Countries[n % Countries.Length], NpgsqlDbType.Varchar);
        await row.WriteAsync(Tracks[n % Tracks.Length], NpgsqlDbType.Varchar);
        await row.WriteAsync($"Fall {2027 + n % 2}", NpgsqlDbType.Varchar);
        await row.WriteAsync(n % 25, NpgsqlDbType.Integer);
    }
}
