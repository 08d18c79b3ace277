using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;
using ProgramPortal.Hosting;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace ProgramPortal.Leads.Export;

/// <summary>
/// Writes the leads a filter selects as CSV or XLSX straight to a stream (the HTTP response), one row
/// at a time as PostgreSQL sends them: memory stays flat whether the export holds ten rows or a million.
/// Each export is recorded before its first row and completed with its row count. Times are in the
/// portal's time zone, which every time column names.
/// </summary>
public sealed class LeadExporter(PortalDbContext db, TimeProvider clock, PortalTime time)
{
    private const string DateFormat = "yyyy-MM-dd HH:mm";

    private sealed record Row(int Id, string FirstName, string LastName, string Email, string? Phone, string CountryCode,
        TrackInterest Track, string StartTerm, int YearsOfExperience, LeadStatus Status, string? UtmSource,
        DateTimeOffset CreatedAt, DateTimeOffset LastInquiryAt, DateTimeOffset? UnsubscribedAt, string ConsentVersion,
        string? LatestMessage, int StaffNotes);

    /// <summary>A column's heading and its value: text, a whole number, a time or nothing.</summary>
    private sealed record Column(string Heading, Func<Row, object?> Value, int Width);

    private Column[] Columns => field ??=
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
        new("First came from", r => r.UtmSource, 16),
        new($"Came in ({time.ZoneName})", r => r.CreatedAt, 17),
        new($"Latest inquiry ({time.ZoneName})", r => r.LastInquiryAt, 17),
        new($"Unsubscribed ({time.ZoneName})", r => r.UnsubscribedAt, 17),
        new("Consent version", r => r.ConsentVersion, 10),
        new("Latest message", r => r.LatestMessage, 60),
        new("Staff notes", r => r.StaffNotes, 8),
    ];

    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public string FileName(ExportFormat format) =>
        $"leads-{time.Local(clock.GetUtcNow()).ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture)}.{format.ToString().ToLowerInvariant()}";

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
            // The message and the note count are subqueries per row on indexed lead ids, so rows still stream.
            var rows = filter.Sorted(filter.Apply(db.Leads.AsNoTracking(), time))
                .Select(l => new Row(l.Id, l.FirstName, l.LastName, l.Email, l.Phone, l.CountryCode, l.Track, l.StartTerm,
                    l.YearsOfExperience, l.Status, l.UtmSource, l.CreatedAt, l.LastInquiryAt, l.UnsubscribedAt, l.ConsentVersion,
                    l.Inquiries.Where(i => i.Message != null).OrderByDescending(i => i.SubmittedAt).ThenByDescending(i => i.Id)
                        .Select(i => i.Message).FirstOrDefault(),
                    l.Notes.Count()))
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
    private async Task WriteCsvAsync(ConfiguredCancelableAsyncEnumerable<Row> rows, Stream output, Progress progress,
        CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            bufferSize: 64 * 1024, leaveOpen: true);
        // A CSV cell has no type, so a spreadsheet evaluates what looks like a formula: SpreadsheetText
        // neutralises it (CsvHelper's own injection option stays off, so the rule is in one place).
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
                    DateTimeOffset moment => time.Local(moment).ToString(DateFormat, CultureInfo.InvariantCulture),
                    _ => "",
                });
            }

            await csv.NextRecordAsync();
            progress.Rows++;
        }

        await csv.FlushAsync();
    }

    private async Task WriteXlsxAsync(ConfiguredCancelableAsyncEnumerable<Row> rows, Stream output, Progress progress,
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
                    // A string cell is text to the spreadsheet, never a formula, so it is written as typed:
                    // a quote added here would show, as in '+44 20 7946 0958.
                    string text => new DataCell(text),
                    int number => new DataCell(number),
                    DateTimeOffset moment => new DataCell(time.Local(moment)),
                    _ => default,
                };
            }

            await spreadsheet.AddRowAsync(cells, cancellationToken);
            progress.Rows++;
        }

        await spreadsheet.FinishAsync(cancellationToken);
    }
}
