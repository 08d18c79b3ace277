using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace ProgramPortal.Leads.Export;

/// <summary>
/// Writes the leads a filter selects as CSV or XLSX straight to a stream (the HTTP response), one row
/// at a time as PostgreSQL sends them: memory stays flat whether the export holds ten rows or a million.
/// Each export is recorded before its first row and completed with its row count.
/// </summary>
public sealed class LeadExporter(PortalDbContext db, TimeProvider clock)
{
    private const string DateFormat = "yyyy-MM-dd HH:mm";

    private sealed record Row(int Id, string FirstName, string LastName, string Email, string? Phone, string CountryCode,
        TrackInterest Track, string StartTerm, int YearsOfExperience, LeadStatus Status, string? UtmSource,
        DateTimeOffset CreatedAt, DateTimeOffset LastInquiryAt, DateTimeOffset? UnsubscribedAt, string ConsentVersion);

    /// <summary>A column's heading and its value: text, a whole number, a UTC time or nothing.</summary>
    private sealed record Column(string Heading, Func<Row, object?> Value, int Width);

    private static readonly Column[] Columns =
    [
        new("Lead ID", r => r.Id, 9),
        new("First name", r => r.FirstName, 16),
        new("Last name", r => r.LastName, 16),
        new("Email", r => r.Email, 30),
        new("Phone", r => r.Phone, 18),
        new("Country", r => Countries.NameOf(r.CountryCode), 18),
        new("Track", r => r.Track.Describe(), 28),
        new("Start term", r => r.StartTerm, 14),
        new("Years of experience", r => r.YearsOfExperience, 10),
        new("Status", r => r.Status.ToString(), 11),
        new("Source (UTM)", r => r.UtmSource, 16),
        new("Came in (UTC)", r => r.CreatedAt, 17),
        new("Latest inquiry (UTC)", r => r.LastInquiryAt, 17),
        new("Unsubscribed (UTC)", r => r.UnsubscribedAt, 17),
        new("Consent version", r => r.ConsentVersion, 10),
    ];

    public static IReadOnlyList<string> Headings { get; } = [.. Columns.Select(c => c.Heading)];

    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public string FileName(ExportFormat format) =>
        $"leads-{clock.GetUtcNow().ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture)}.{format.ToString().ToLowerInvariant()}";

    /// <summary>Writes the export and returns its row count; the record is completed even if the writing stops.</summary>
    public async Task<int> ExportAsync(LeadFilter filter, ExportFormat format, string exportedBy, Stream output,
        CancellationToken cancellationToken)
    {
        var record = new LeadExport
        {
            ExportedBy = exportedBy, StartedAt = clock.GetUtcNow(), Format = format,
            Filter = filter.ToQueryString(), FilterDescription = filter.Describe(),
        };
        db.LeadExports.Add(record);
        await db.SaveChangesAsync(cancellationToken);

        var progress = new Progress();
        try
        {
            var rows = filter.Sorted(filter.Apply(db.Leads.AsNoTracking()))
                .Select(l => new Row(l.Id, l.FirstName, l.LastName, l.Email, l.Phone, l.CountryCode, l.Track, l.StartTerm,
                    l.YearsOfExperience, l.Status, l.UtmSource, l.CreatedAt, l.LastInquiryAt, l.UnsubscribedAt, l.ConsentVersion))
                .AsAsyncEnumerable()
                .WithCancellation(cancellationToken);
            if (format == ExportFormat.Csv)
            {
                await WriteCsvAsync(rows, output, progress, cancellationToken);
            }
            else
            {
                await WriteXlsxAsync(rows, output, progress, cancellationToken);
            }

            progress.Completed = true;
            return progress.Rows;
        }
        finally
        {
            await db.LeadExports.Where(e => e.Id == record.Id).ExecuteUpdateAsync(set => set
                .SetProperty(e => e.RowCount, progress.Rows)
                .SetProperty(e => e.CompletedAt, progress.Completed ? clock.GetUtcNow() : null), CancellationToken.None);
        }
    }

    private sealed class Progress
    {
        public int Rows;
        public bool Completed;
    }

    // UTF-8 with a byte-order mark, so Excel reads accented names correctly; comma-separated, CRLF lines.
    private static async Task WriteCsvAsync(ConfiguredCancelableAsyncEnumerable<Row> rows, Stream output, Progress progress,
        CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            bufferSize: 64 * 1024, leaveOpen: true);
        // Neutralising is done by SpreadsheetText for both formats, so CsvHelper's own injection option stays off.
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            InjectionOptions = InjectionOptions.None,
        });
        foreach (var column in Columns)
        {
            csv.WriteField(column.Heading);
        }

        await csv.NextRecordAsync();
        await foreach (var row in rows)
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column.Value(row) switch
                {
                    string text => SpreadsheetText.Neutralise(text),
                    int number => number.ToString(CultureInfo.InvariantCulture),
                    DateTimeOffset time => time.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture),
                    _ => "",
                });
            }

            await csv.NextRecordAsync();
            progress.Rows++;
        }

        await csv.FlushAsync();
    }

    private static async Task WriteXlsxAsync(ConfiguredCancelableAsyncEnumerable<Row> rows, Stream output, Progress progress,
        CancellationToken cancellationToken)
    {
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(output,
            new SpreadCheetahOptions { DefaultDateTimeFormat = NumberFormat.Custom("yyyy-mm-dd hh:mm") }, cancellationToken);
        var sheet = new WorksheetOptions { FrozenRows = 1 };
        for (var i = 0; i < Columns.Length; i++)
        {
            sheet.Column(i + 1).Width = Columns[i].Width;
        }

        await spreadsheet.StartWorksheetAsync("Leads", sheet, cancellationToken);
        var bold = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
        await spreadsheet.AddRowAsync([.. Columns.Select(c => new StyledCell(c.Heading, bold))], cancellationToken);

        var cells = new DataCell[Columns.Length];
        await foreach (var row in rows)
        {
            for (var i = 0; i < Columns.Length; i++)
            {
                cells[i] = Columns[i].Value(row) switch
                {
                    string text => new DataCell(SpreadsheetText.Neutralise(text)),
                    int number => new DataCell(number),
                    DateTimeOffset time => new DataCell(time.UtcDateTime),
                    _ => default,
                };
            }

            await spreadsheet.AddRowAsync(cells, cancellationToken);
            progress.Rows++;
        }

        await spreadsheet.FinishAsync(cancellationToken);
    }
}
