using Microsoft.EntityFrameworkCore;
using ProgramPortal.Email;
using ProgramPortal.Identity;
using ProgramPortal.Leads;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.LeadsAdmin;

public class WorkingALeadTests(LeadApp app) : IClassFixture<LeadApp>
{
    private async Task<int> SubmitAsync(string email, string message, string formPath = "/request-info")
    {
        var form = app.ValidForm(email);
        form["Input.FirstName"] = "Margaret";
        form["Input.LastName"] = "Hamilton";
        form["Input.Message"] = message;
        using (await app.SubmitLeadAsync(form, formPath: formPath)) { }
        return await app.LeadIdAsync(email);
    }

    private static List<string> EmailLog(BrowserPage page) =>
        [.. page.Document.QuerySelectorAll("section[aria-labelledby=emails] tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim())))];

    [Fact]
    public async Task The_lead_page_shows_the_details_consent_every_inquiry_and_what_happened_to_each_email()
    {
        var id = await SubmitAsync("margaret@example.com", "First question: is it online?",
            "/request-info?utm_source=apollo-fair&utm_medium=booth&utm_campaign=fall");
        await app.RunEmailSenderAsync();
        app.Clock.Advance(TimeSpan.FromDays(1));
        await SubmitAsync("margaret@example.com", "Second question: part-time?");
        await using (var db = app.NewDbContext())
        {
            // A follow-up the sender gave up on, as the outbox records it.
            var dayTwo = await db.LeadEmails.Where(e => e.LeadId == id && e.Status == LeadEmailStatus.Scheduled).OrderBy(e => e.DueAt).FirstAsync();
            dayTwo.Status = LeadEmailStatus.Failed;
            dayTwo.Attempts = 8;
            dayTwo.LastError = "SmtpCommandException: 550 mailbox unavailable";
            await db.SaveChangesAsync();
        }

        using var admissions = await app.LoginAsAsync(StaffRoles.Admissions);
        var page = await admissions.GetAsync($"/admin/leads/{id}");

        Assert.Equal("Margaret Hamilton", page.Document.QuerySelector("h1")!.TextContent);
        var details = page.Document.QuerySelector("section[aria-labelledby=details]")!.TextContent;
        Assert.Contains("margaret@example.com", details);
        Assert.Contains("+1 (619) 555-0100", details);
        Assert.Contains("United States", details);
        Assert.Contains("Information Technology (IT)", details);
        Assert.Contains("apollo-fair", details);
        Assert.Contains(ConsentStatement.Version, page.Document.QuerySelector("section[aria-labelledby=consent]")!.TextContent);

        var inquiries = page.Document.QuerySelectorAll("ol.inquiries > li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, inquiries.Count);
        Assert.Contains("Second question: part-time?", inquiries[0]);
        Assert.Contains("First question: is it online?", inquiries[1]);
        Assert.Contains("source apollo-fair, medium booth, campaign fall", inquiries[1]);
        Assert.Contains(ConsentStatement.Text, inquiries[1]);

        var log = EmailLog(page);
        Assert.Equal(4, log.Count);
        Assert.Contains(log, row => row.Contains("Admissions inbox") && row.Contains("Sent "));
        Assert.Contains(log, row => row.Contains("margaret@example.com") && row.Contains("Sent "));
        Assert.Contains(log, row => row.Contains("Failed, not sent: SmtpCommandException: 550 mailbox unavailable") && row.EndsWith("8"));
        Assert.Contains(log, row => row.Contains("Scheduled for "));
    }

    [Fact]
    public async Task The_lead_page_opens_with_the_persons_question_and_their_email_and_phone_are_links()
    {
        var id = await SubmitAsync("question-first@example.com", "Earlier: do you take GMAT scores?");
        app.Clock.Advance(TimeSpan.FromHours(2));
        await SubmitAsync("question-first@example.com", "Can I keep my full-time job\nwhile I study?");
        using var admissions = await app.LoginAsAsync(StaffRoles.Admissions);

        var page = await admissions.GetAsync($"/admin/leads/{id}");

        // The question comes before every other section, newest message first, line breaks kept.
        var first = page.Document.QuerySelector("main section")!;
        Assert.Equal("What they asked", first.QuerySelector("h2")!.TextContent);
        Assert.Equal("Can I keep my full-time job\nwhile I study?", first.QuerySelector("blockquote")!.TextContent);
        Assert.Contains("earlier messages are under Inquiries below", first.TextContent);

        var details = page.Document.QuerySelector("section[aria-labelledby=details]")!;
        Assert.Equal("mailto:question-first@example.com", details.QuerySelector("a[href^='mailto:']")!.GetAttribute("href"));
        var phone = details.QuerySelector("a[href^='tel:']")!;
        Assert.Equal("tel:+16195550100", phone.GetAttribute("href"));
        Assert.Equal("+1 (619) 555-0100", phone.TextContent);

        // Staff read plain words, not the names of tracking parameters.
        Assert.Contains("First came from", details.TextContent);
        Assert.Contains("No campaign", details.TextContent);
        Assert.DoesNotContain("utm", page.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("(none)", page.Text);

        var silent = await admissions.GetAsync($"/admin/leads/{await SubmitAsync("no-message@example.com", "")}");
        Assert.Contains("They did not write a message.", silent.Document.QuerySelector("main section")!.TextContent);
    }

    [Fact]
    public async Task Staff_add_signed_notes_and_an_empty_or_overlong_note_is_refused_with_the_text_kept()
    {
        var id = await SubmitAsync("notes@example.com", "Please call me.");
        using var admissions = await app.LoginAsAsync(StaffRoles.Admissions);
        var page = await admissions.GetAsync($"/admin/leads/{id}");

        var added = await admissions.SubmitAsync(page, "form[action*='handler=Note']", ("Note.Text", "Called; she will apply in spring.\nSent the fee waiver."));
        Assert.Contains("Note added.", added.Document.QuerySelector(".status")!.TextContent);
        var note = Assert.Single(added.Document.QuerySelectorAll("ul.notes li"));
        Assert.Contains("Called; she will apply in spring.\nSent the fee waiver.", note.TextContent);
        Assert.Contains("admissions-", note.TextContent);

        var empty = await admissions.SubmitAsync(added, "form[action*='handler=Note']", ("Note.Text", "   "));
        Assert.Contains("Write the note first.", empty.Text);
        var tooLong = new string('x', LeadNote.MaxLength + 1);
        var refused = await admissions.SubmitAsync(added, "form[action*='handler=Note']", ("Note.Text", tooLong));
        Assert.Contains("at most 4000 characters", refused.Text);
        Assert.Equal(tooLong, refused.Document.QuerySelector("textarea[name='Note.Text']")!.TextContent.Trim());

        await using var db = app.NewDbContext();
        Assert.Equal(1, await db.LeadNotes.CountAsync(n => n.LeadId == id));
    }

    [Fact]
    public async Task Moving_a_lead_through_its_statuses_is_noted_and_closing_it_cancels_its_pending_follow_ups()
    {
        var id = await SubmitAsync("status@example.com", "Hello");
        await app.RunEmailSenderAsync();
        using var admissions = await app.LoginAsAsync(StaffRoles.Admissions);

        var page = await admissions.GetAsync($"/admin/leads/{id}");
        page = await admissions.SubmitAsync(page, "form[action*='handler=Status']", ("status", "Contacted"));
        Assert.Contains("Status: Contacted.", page.Document.QuerySelector(".status")!.TextContent);
        Assert.Equal("Contacted", page.Document.QuerySelector("#status option[selected]")!.GetAttribute("value"));

        page = await admissions.SubmitAsync(page, "form[action*='handler=Status']", ("status", "Closed"));
        Assert.Contains("Follow-up emails not sent yet are cancelled", page.Document.QuerySelector(".status")!.TextContent);
        Assert.Equal(
            ["Status changed from Contacted to Closed.", "Status changed from New to Contacted."],
            page.Document.QuerySelectorAll("ul.notes .note-text").Select(n => n.TextContent));
        var log = EmailLog(page);
        Assert.Equal(2, log.Count(row => row.Contains("Cancelled") && row.Contains("The lead was closed.")));
        Assert.DoesNotContain(log, row => row.Contains("Scheduled for"));

        app.Clock.Advance(TimeSpan.FromDays(8));
        await app.RunEmailSenderAsync();
        Assert.Single(app.Smtp.To("status@example.com"));
    }

    [Fact]
    public async Task A_held_inquiry_is_listed_with_its_reason_and_releasing_it_makes_a_lead()
    {
        var form = app.ValidForm("held@example.com");
        form["Input.Website"] = "filled by a password manager";
        form["Input.LastName"] = "Heldback";
        using (await app.SubmitLeadAsync(form)) { }
        using var admissions = await app.LoginAsAsync(StaffRoles.Admissions);

        var page = await admissions.GetAsync("/admin/leads/quarantine");
        var row = page.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("held@example.com"));
        Assert.Contains("honeypot", row.TextContent);

        var released = await admissions.SubmitAsync(page, $"form[action*='inquiryId={InquiryId(row)}']");
        Assert.Contains("it is now a new lead", released.Document.QuerySelector(".status")!.TextContent);
        Assert.DoesNotContain("held@example.com", released.Text);
        var lead = await admissions.GetAsync($"/admin/leads/{await app.LeadIdAsync("held@example.com")}");
        Assert.Contains("Held as suspected spam", lead.Text);

        var again = await admissions.PostAsync($"/admin/leads/quarantine?handler=Release&inquiryId={InquiryId(row)}",
            [("__RequestVerificationToken", StaffBrowser.AntiforgeryToken(released))]);
        Assert.Contains("not held any more", again.Document.QuerySelector(".status")!.TextContent);
    }

    private static string InquiryId(AngleSharp.Dom.IElement row) =>
        System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + row.QuerySelector("form")!.GetAttribute("action")).Query)["inquiryId"]!;
}
