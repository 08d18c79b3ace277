using Npgsql;
using NpgsqlTypes;
using ProgramPortal.Leads;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>Leads made straight in the database, for tests of the admin side that need many or unusual ones.</summary>
public static class LeadRecords
{
    public static Lead Make(string firstName, string lastName, DateTimeOffset createdAt, string? email = null,
        LeadStatus status = LeadStatus.New, TrackInterest track = TrackInterest.IT, string country = "US", string? source = null,
        string? phone = null)
    {
        email ??= $"{firstName}.{lastName}@example.com".ToLowerInvariant();
        return new Lead
        {
            FirstName = firstName, LastName = lastName, Email = email, NormalizedEmail = email.ToLowerInvariant(), Phone = phone,
            CountryCode = country, Track = track, StartTerm = "Fall 2027", YearsOfExperience = 5,
            ConsentVersion = ConsentStatement.Version, Status = status, CreatedAt = createdAt, LastInquiryAt = createdAt,
            UtmSource = source,
        };
    }

    /// <summary>Inserts the leads with PostgreSQL's binary COPY: 200,000 take a few seconds.</summary>
    public static async Task CopyLeadsAsync(this PortalApp app, IEnumerable<Lead> leads)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        using (var writer = connection.BeginBinaryImport("""
            COPY leads (first_name, last_name, email, normalized_email, phone, country_code, track, start_term,
                        years_of_experience, consent_version, status, created_at, last_inquiry_at, utm_source)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var lead in leads)
            {
                writer.StartRow();
                writer.Write(lead.FirstName, NpgsqlDbType.Varchar);
                writer.Write(lead.LastName, NpgsqlDbType.Varchar);
                writer.Write(lead.Email, NpgsqlDbType.Varchar);
                writer.Write(lead.NormalizedEmail, NpgsqlDbType.Varchar);
                WriteNullable(writer, lead.Phone);
                writer.Write(lead.CountryCode, NpgsqlDbType.Varchar);
                writer.Write(lead.Track.ToString(), NpgsqlDbType.Varchar);
                writer.Write(lead.StartTerm, NpgsqlDbType.Varchar);
                writer.Write(lead.YearsOfExperience, NpgsqlDbType.Integer);
                writer.Write(lead.ConsentVersion, NpgsqlDbType.Varchar);
                writer.Write(lead.Status.ToString(), NpgsqlDbType.Varchar);
                writer.Write(lead.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                writer.Write(lead.LastInquiryAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                WriteNullable(writer, lead.UtmSource);
            }

            writer.Complete();
        }

        // Fresh statistics, so the planner picks the indexes as it would on a long-lived table.
        await using var analyze = new NpgsqlCommand("ANALYZE leads", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    private static void WriteNullable(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Varchar);
        }
    }
}
