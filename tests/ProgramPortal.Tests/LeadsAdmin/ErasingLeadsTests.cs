using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProgramPortal.Email;
using ProgramPortal.Identity;
using ProgramPortal.Leads;
using ProgramPortal.Leads.Export;
using ProgramPortal.Leads.Privacy;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.LeadsAdmin;

public class ErasingLeadsTests(LeadApp app) : IClassFixture<LeadApp>
{
    private static readonly string[] MentionQueries = [.. new[] { "leads", "inquiries", "lead_notes", "lead_emails", "lead_erasures", "lead_exports" }
        .Select(table => $"SELECT count(*)::int AS \"Value\" FROM {table} t WHERE t::text ILIKE '%' || {{0}} || '%'")];

    /// <summary>How many rows of these tables hold the text anywhere, in any column (each row cast to text).</summary>
    private async Task<int> RowsMentioningAsync(string text)
    {
        await using var db = app.NewDbContext();
        var total = 0;
        foreach (var query in MentionQueries)
        {
            total += await db.Database.SqlQueryRaw<int>(query, text).SingleAsync();
        }

        return total;
    }

    private async Task<int> SubmitAsync(string email, string lastName, string message)
    {
        var form = app.ValidForm(email);
        form["Input.LastName"] = lastName;
        form["Input.Message"] = message;
        using (await app.SubmitLeadAsync(form, formPath: "/request-info?utm_source=erasure-fair")) { }
        // The newest: after a close, one address has several leads.
        await using var db = app.NewDbContext();
        return await db.Leads.Where(l => l.NormalizedEmail == email).MaxAsync(l => l.Id);
    }

    [Fact]
    public async Task Erasing_on_request_removes_the_persons_data_everywhere_cancels_their_emails_and_keeps_the_counts()
    {
        var id = await SubmitAsync("zelda.quist@example.com", "Quistgaard", "Call me on my mobile, Zelda.");
        await app.RunEmailSenderAsync();
        await SubmitAsync("zelda.quist@example.com", "Quistgaard", "Zelda again: any scholarships?");
        using var admissions = await app.LoginAsAsync(StaffRoles.Admissions);
        var page = await admissions.GetAsync($"/admin/leads/{id}");
        page = await admissions.SubmitAsync(page, "form[action*='handler=Note']", ("Note.Text", "Spoke with Zelda Quistgaard."));
        await using (var db = app.NewDbContext())
        {
            var sent = await db.LeadEmails.FirstAsync(e => e.LeadId == id && e.Status == LeadEmailStatus.Sent);
            sent.LastError = "An earlier try to zelda.quist@example.com timed out";
            await db.SaveChangesAsync();
        }

        // Exports whose search found her, and one that did not: only hers are redacted.
        await admissions.DownloadAsync("/admin/leads/export/csv?q=Quistgaard&track=IT", "text/csv");
        await admissions.DownloadAsync("/admin/leads/export/xlsx?q=zelda.quist%40example.com", LeadExporter.ContentType(ExportFormat.Xlsx));
        await admissions.DownloadAsync("/admin/leads/export/csv?q=Somebody+Else", "text/csv");

        Assert.True(await RowsMentioningAsync("zelda") >= 5);
        Assert.True(await RowsMentioningAsync("quist") >= 5);
        var leadsBefore = await CountLeadsAsync();
        var dashboardBefore = (await admissions.GetAsync("/admin/leads/dashboard")).Document.QuerySelector("main > p")!.TextContent;

        var confirm = await admissions.GetAsync(page.Document.QuerySelector("a[href$='/erase']")!.GetAttribute("href")!);
        Assert.Contains("This cannot be undone", confirm.Text);
        var erased = await admissions.SubmitAsync(confirm);

        Assert.Equal($"/admin/leads/{id}", erased.Url.AbsolutePath);
        Assert.Contains("The person's data is erased", erased.Document.QuerySelector(".status")!.TextContent);
        Assert.Contains("This person's data was erased", erased.Text);
        Assert.Null(erased.Document.QuerySelector("form[action*='handler=Note']"));
        Assert.Equal(0, await RowsMentioningAsync("zelda"));
        Assert.Equal(0, await RowsMentioningAsync("quist"));
        await using (var db = app.NewDbContext())
        {
            var exports = await db.LeadExports.OrderBy(e => e.Id).ToListAsync();
            var hers = exports.Where(e => e.Filter.Contains("q=(erased)")).ToList();
            Assert.Equal(2, hers.Count);
            Assert.Contains(hers, e => e.Filter == "?q=(erased)&track=IT" && e.FilterDescription.StartsWith("Leads with search \"(erased)\", track"));
            Assert.Contains(exports, e => e.Filter == "?q=Somebody%20Else" && e.FilterDescription.Contains("search \"Somebody Else\""));
        }
        Assert.Equal(0, await RowsMentioningAsync("+1 (619) 555-0100") - await OtherLeadsWithThePhoneAsync(id));

        await using (var db = app.NewDbContext())
        {
            var lead = await db.Leads.Include(l => l.Inquiries).Include(l => l.Emails).Include(l => l.Notes).SingleAsync(l => l.Id == id);
            Assert.NotNull(lead.ErasedAt);
            Assert.Equal(LeadEraser.Placeholder, lead.FirstName);
            Assert.Null(lead.Phone);
            // What is not personal stays, for the counts.
            Assert.Equal(("US", TrackInterest.IT, "erasure-fair"), (lead.CountryCode, lead.Track, lead.UtmSource));
            Assert.Equal(2, lead.Inquiries.Count);
            Assert.All(lead.Inquiries, i => Assert.Null(i.Message));
            Assert.Equal(LeadEraser.Placeholder, Assert.Single(lead.Notes).Text);
            Assert.DoesNotContain(lead.Emails, e => e.Status == LeadEmailStatus.Scheduled);
            Assert.Contains(lead.Emails, e => e.Status == LeadEmailStatus.Cancelled && e.CancelReason == "The lead's personal data was erased.");
            Assert.Contains(lead.Emails, e => e.Status == LeadEmailStatus.Sent);

            var erasure = await db.LeadErasures.SingleAsync(e => e.LeadId == id);
            Assert.Equal(ErasureReason.Request, erasure.Reason);
            Assert.StartsWith("admissions-", erasure.ErasedBy);
        }

        Assert.Equal(leadsBefore, await CountLeadsAsync());
        Assert.Equal(dashboardBefore, (await admissions.GetAsync("/admin/leads/dashboard")).Document.QuerySelector("main > p")!.TextContent);

        // Nothing is left to email, and the same address asking again starts afresh.
        app.Clock.Advance(TimeSpan.FromDays(8));
        await app.RunEmailSenderAsync();
        Assert.Single(app.Smtp.To("zelda.quist@example.com"));
        var newId = await SubmitAsync("zelda.quist@example.com", "Quistgaard", "Back again");
        Assert.NotEqual(id, newId);
    }

    [Fact]
    public async Task Erasing_reaches_every_copy_of_the_address_other_leads_held_spam_and_mail_server_refusals()
    {
        const string address = "ivy.copies@example.com";
        var first = await SubmitAsync(address, "Copperfield", "First time asking.");
        await app.RunEmailSenderAsync();
        Assert.True(await app.WithServiceAsync<LeadLifecycle, bool>(lifecycle => lifecycle.SetStatusAsync(first, LeadStatus.Closed)));
        // After a close the same address makes a new lead; its mail server now refuses it, quoting it.
        var second = await SubmitAsync(address, "Copperfield", "Asking again after the close.");
        Assert.NotEqual(first, second);
        app.Smtp.Refuses = recipient => recipient == address;
        try
        {
            await app.RunEmailSenderAsync();
        }
        finally
        {
            app.Smtp.Refuses = _ => false;
        }

        var held = app.ValidForm(address);
        held["Input.Website"] = "http://spam.example";
        using (await app.SubmitLeadAsync(held)) { }
        await using (var db = app.NewDbContext())
        {
            var refusal = await db.LeadEmails.Where(e => e.LeadId == second && e.LastError != null).Select(e => e.LastError).FirstAsync();
            Assert.Equal("SMTP 550 mailbox unavailable", refusal);
            Assert.True(await db.Inquiries.AnyAsync(i => i.LeadId == null && i.NormalizedEmail == address));
        }

        Assert.Contains(app.Log.Lines, line => line.Contains("SMTP 550 mailbox unavailable"));
        Assert.DoesNotContain(app.Log.Lines, line => line.Contains("ivy.copies", StringComparison.OrdinalIgnoreCase));
        Assert.True(await RowsMentioningAsync("ivy.copies") >= 4);

        using var admissions = await app.LoginAsAsync(StaffRoles.Admissions);
        var confirm = await admissions.GetAsync($"/admin/leads/{first}/erase");
        Assert.Contains("every other lead with the same email address", confirm.Text);
        var erased = await admissions.SubmitAsync(confirm);

        Assert.Contains("and 1 other lead with the same address", erased.Document.QuerySelector(".status")!.TextContent);
        Assert.Equal(0, await RowsMentioningAsync("ivy.copies"));
        Assert.Equal(0, await RowsMentioningAsync("Copperfield"));
        await using (var db = app.NewDbContext())
        {
            Assert.False(await db.Inquiries.AnyAsync(i => i.LeadId == null && i.Email == address));
            Assert.Equal(2, await db.LeadErasures.CountAsync(e => e.LeadId == first || e.LeadId == second));
        }
    }

    [Fact]
    public async Task The_retention_job_erases_leads_older_than_the_setting_deletes_old_held_spam_and_is_safe_to_run_twice()
    {
        var now = app.Clock.GetUtcNow();
        var months = app.Services.GetRequiredService<IOptions<RetentionOptions>>().Value.Months;
        await app.CopyLeadsAsync(
        [
            LeadRecords.Make("Old", "Retained1", now.AddMonths(-months).AddDays(-1), source: "retention"),
            LeadRecords.Make("Old", "Retained2", now.AddMonths(-months - 12), source: "retention"),
            LeadRecords.Make("Recent", "Retained3", now.AddMonths(-months).AddDays(1), source: "retention"),
        ]);
        await using (var db = app.NewDbContext())
        {
            db.Inquiries.AddRange(HeldInquiry("old-spam@example.com", now.AddMonths(-months).AddDays(-2)),
                HeldInquiry("new-spam@example.com", now.AddDays(-2)));
            await db.SaveChangesAsync();
        }

        var leadsBefore = await CountLeadsAsync();
        Assert.Equal(2, await RunRetentionAsync());
        Assert.Equal(0, await RunRetentionAsync());

        Assert.Equal(leadsBefore, await CountLeadsAsync());
        Assert.Equal(0, await RowsMentioningAsync("Retained1"));
        Assert.Equal(0, await RowsMentioningAsync("Retained2"));
        Assert.Equal(1, await RowsMentioningAsync("Retained3"));
        Assert.Equal(0, await RowsMentioningAsync("old-spam@example.com"));
        Assert.Equal(1, await RowsMentioningAsync("new-spam@example.com"));
        await using (var db = app.NewDbContext())
        {
            var erasures = await db.LeadErasures.Where(e => e.Reason == ErasureReason.Retention).ToListAsync();
            Assert.Equal(2, erasures.Count);
            Assert.All(erasures, e => Assert.Equal($"Retention policy ({months} months)", e.ErasedBy));
            Assert.Equal(2, await db.Leads.CountAsync(l => l.UtmSource == "retention" && l.ErasedAt != null));
        }

        var recurring = app.Services.GetRequiredService<JobStorage>().GetConnection().GetRecurringJobs();
        Assert.Contains(recurring, job => job.Id == EraseExpiredLeadsJob.RecurringJobId && job.Cron == Cron.Daily(3));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("forever")]
    public void A_retention_setting_that_is_not_a_sensible_number_of_months_stops_the_app_at_start(string months)
    {
        using var misconfigured = app.WithWebHostBuilder(b => b.UseSetting("LeadRetention:Months", months));

        var error = Record.Exception(() => misconfigured.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("LeadRetention", error.ToString());
    }

    private Task<int> RunRetentionAsync() =>
        app.WithServiceAsync<EraseExpiredLeadsJob, int>(job => job.RunAsync(CancellationToken.None));

    private async Task<int> CountLeadsAsync()
    {
        await using var db = app.NewDbContext();
        return await db.Leads.CountAsync();
    }

    private async Task<int> OtherLeadsWithThePhoneAsync(int erasedId)
    {
        await using var db = app.NewDbContext();
        return await db.Leads.CountAsync(l => l.Id != erasedId && l.Phone == "+1 (619) 555-0100")
            + await db.Inquiries.CountAsync(i => i.LeadId != erasedId && i.Phone == "+1 (619) 555-0100");
    }

    private static Inquiry HeldInquiry(string email, DateTimeOffset at) => new()
    {
        FirstName = "Held", LastName = "Spam", Email = email, NormalizedEmail = email, CountryCode = "US", StartTerm = "Fall 2027",
        ConsentVersion = ConsentStatement.Version, ConsentText = ConsentStatement.Text, SubmittedAt = at,
        SpamReason = "The hidden honeypot field was filled in.",
    };
}
