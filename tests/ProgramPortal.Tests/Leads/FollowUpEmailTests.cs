using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using ProgramPortal.Email;
using ProgramPortal.Leads;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Leads;

public class FollowUpEmailTests(LeadApp app) : IClassFixture<LeadApp>
{
    [Fact]
    public async Task A_new_lead_gets_a_multipart_confirmation_with_one_click_unsubscribe_and_admissions_are_told()
    {
        var form = app.ValidForm("katherine@example.com", track: "IS");
        form["Input.FirstName"] = "Katherine";
        form["Input.LastName"] = "Johnson";
        form["Input.Message"] = "<b>Do you</b> accept part-time students?";
        using (await app.SubmitLeadAsync(form)) { }

        await app.RunEmailSenderAsync();

        var confirmation = Assert.Single(app.Smtp.To("katherine@example.com")).Message;
        Assert.Equal("We received your MS-ITL request", confirmation.Subject);
        Assert.Equal("katherine@example.com", Assert.Single(confirmation.To.Mailboxes).Address);
        Assert.Equal("admissions@programportal.local", Assert.Single(confirmation.From.Mailboxes).Address);
        Assert.Contains("Hello Katherine", confirmation.TextBody);
        Assert.Contains("Information Systems (IS)", confirmation.TextBody);
        Assert.Contains("<p>Hello Katherine,</p>", confirmation.HtmlBody);
        Assert.Equal("multipart/alternative", confirmation.Body!.ContentType.MimeType);
        Assert.Equal("List-Unsubscribe=One-Click", confirmation.Headers["List-Unsubscribe-Post"]);
        var unsubscribeUrl = UnsubscribeUrl(confirmation);
        Assert.StartsWith("http://localhost/unsubscribe?token=", unsubscribeUrl);
        Assert.Contains(unsubscribeUrl, confirmation.TextBody);

        var leadId = await app.LeadIdAsync("katherine@example.com");
        var notice = Assert.Single(app.Smtp.To(LeadApp.AdmissionsInbox),
            m => m.Message.Subject?.Contains($"lead {leadId} ") == true).Message;
        Assert.Equal($"New MS-ITL inquiry, lead {leadId} (Information Systems (IS), " + form["Input.StartTerm"] + ")", notice.Subject);
        Assert.Equal("katherine@example.com", Assert.Single(notice.ReplyTo.Mailboxes).Address);
        Assert.Contains("<b>Do you</b> accept part-time students?", notice.TextBody);
        Assert.Contains("&lt;b&gt;Do you&lt;/b&gt; accept part-time students?", notice.HtmlBody);
        Assert.Null(notice.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task The_admissions_note_links_to_the_lead_page_gives_the_time_in_the_portal_zone_and_says_No_campaign_once()
    {
        // 03:00 UTC is the evening before in Los Angeles, so a UTC time would show the wrong day.
        var now = app.Clock.GetUtcNow();
        app.Clock.Advance(now.Date.AddDays(1).AddHours(3) - now.UtcDateTime);
        using (await app.SubmitLeadAsync(app.ValidForm("no-campaign@example.com"))) { }
        var form = app.ValidForm("with-campaign@example.com");
        form["Input.LastName"] = "Campaigner";
        using (await app.SubmitLeadAsync(form, formPath: "/request-info?utm_source=newsletter&utm_campaign=fall-open-day")) { }
        await app.RunEmailSenderAsync();

        var id = await app.LeadIdAsync("no-campaign@example.com");
        var notice = Assert.Single(app.Smtp.To(LeadApp.AdmissionsInbox),
            m => m.Message.TextBody?.Contains("no-campaign@example.com") == true).Message;
        await using var db = app.NewDbContext();
        var submitted = (await db.Leads.SingleAsync(l => l.Id == id)).LastInquiryAt;
        var losAngeles = TimeZoneInfo.ConvertTime(submitted, TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles"));

        var leadUrl = $"http://localhost/admin/leads/{id}";
        Assert.Contains($"Open this lead in the portal: {leadUrl}", notice.TextBody);
        Assert.Contains($"<a href=\"{leadUrl}\">Open this lead in the portal</a>", notice.HtmlBody);
        Assert.Contains($"Submitted: {losAngeles:yyyy-MM-dd HH:mm} (America/Los_Angeles)", notice.TextBody);
        Assert.Contains("Came from: No campaign", notice.TextBody);
        Assert.DoesNotContain("(none)", notice.TextBody);
        Assert.DoesNotContain("(none)", notice.HtmlBody);
        Assert.DoesNotContain("UTC", notice.TextBody);

        var campaign = Assert.Single(app.Smtp.To(LeadApp.AdmissionsInbox),
            m => m.Message.TextBody?.Contains("with-campaign@example.com") == true).Message;
        Assert.Contains("Came from: source newsletter, campaign fall-open-day", campaign.TextBody);
        Assert.Contains($"http://localhost/admin/leads/{await app.LeadIdAsync("with-campaign@example.com")}", campaign.TextBody);
    }

    [Theory]
    [InlineData("IS", "Where Information Systems leadership can take you", "Planning your next step in Information Systems")]
    [InlineData("IT", "Where IT leadership can take you", "Planning your next step in IT leadership")]
    [InlineData("Undecided", "IS or IT: how to choose", "Still weighing IS against IT?")]
    public async Task Follow_ups_arrive_after_two_and_seven_days_with_content_for_the_track(string track, string day2, string day7)
    {
        var email = $"timed-{track.ToLowerInvariant()}@example.com";
        using (await app.SubmitLeadAsync(app.ValidForm(email, track))) { }
        await app.RunEmailSenderAsync();
        Assert.Single(app.Smtp.To(email));

        app.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(5));
        await app.RunEmailSenderAsync();
        Assert.Single(app.Smtp.To(email));

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.RunEmailSenderAsync();
        Assert.EndsWith(day2, app.Smtp.To(email)[1].Message.Subject);

        app.Clock.Advance(TimeSpan.FromDays(5));
        await app.RunEmailSenderAsync();
        var all = app.Smtp.To(email);
        Assert.Equal(3, all.Count);
        Assert.Equal(day7, all[2].Message.Subject);
        Assert.All(all, m => Assert.NotNull(m.Message.Headers["List-Unsubscribe"]));
    }

    [Fact]
    public async Task The_unsubscribe_link_asks_first_and_the_one_click_post_without_cookies_stops_every_pending_email()
    {
        using (await app.SubmitLeadAsync(app.ValidForm("leaving@example.com"))) { }
        await app.RunEmailSenderAsync();
        var url = UnsubscribeUrl(Assert.Single(app.Smtp.To("leaving@example.com")).Message);

        using var browser = app.NewBrowser();
        var confirmPage = await browser.GetStringAsync(url);
        Assert.Contains("Stop emails about the MS-ITL?", confirmPage);
        Assert.Equal(2, await PendingAsync("leaving@example.com"));

        // As a mail provider sends it (RFC 8058): a bare POST, no cookie, no antiforgery token.
        using var provider = app.NewBrowser();
        using var oneClick = await provider.PostAsync(url,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Contains("You are unsubscribed", await oneClick.Content.ReadAsStringAsync());
        using var repeated = await provider.PostAsync(url, new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);

        Assert.Equal(0, await PendingAsync("leaving@example.com"));
        app.Clock.Advance(TimeSpan.FromDays(8));
        await app.RunEmailSenderAsync();
        Assert.Single(app.Smtp.To("leaving@example.com"));
        await using var db = app.NewDbContext();
        var log = await db.LeadEmails.Where(e => e.Lead!.NormalizedEmail == "leaving@example.com")
            .Select(e => new { e.Status, e.CancelReason }).ToListAsync();
        Assert.Equal(2, log.Count(e => e.Status == LeadEmailStatus.Cancelled && e.CancelReason == "The lead unsubscribed."));
    }

    [Fact]
    public async Task A_broken_unsubscribe_link_gets_a_clear_page_not_an_error()
    {
        using var browser = app.NewBrowser();
        using var get = await browser.GetAsync("/unsubscribe?token=tampered");
        using var post = await browser.PostAsync("/unsubscribe", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("This unsubscribe link does not work", await get.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Closing_a_lead_cancels_its_pending_emails()
    {
        using (await app.SubmitLeadAsync(app.ValidForm("closed@example.com"))) { }
        await app.RunEmailSenderAsync();
        var leadId = await app.LeadIdAsync("closed@example.com");

        Assert.True(await app.WithServiceAsync<LeadLifecycle, bool>(l => l.SetStatusAsync(leadId, LeadStatus.Closed)));
        app.Clock.Advance(TimeSpan.FromDays(8));
        await app.RunEmailSenderAsync();

        Assert.Single(app.Smtp.To("closed@example.com"));
        Assert.Equal(0, await PendingAsync("closed@example.com"));
    }

    [Fact]
    public async Task Wording_and_delays_staff_edit_in_the_database_are_what_gets_sent()
    {
        await using (var db = app.NewDbContext())
        {
            var step = await db.SequenceSteps.Include(s => s.Templates).SingleAsync(s => s.Key == EmailSequenceSeed.Confirmation);
            step.Templates[0].Subject = "Edited: hello {{first_name}} from {{country}}";
            var followUp = await db.SequenceSteps.SingleAsync(s => s.Key == EmailSequenceSeed.FirstFollowUp);
            followUp.Delay = TimeSpan.FromDays(3);
            await db.SaveChangesAsync();
        }

        try
        {
            using (await app.SubmitLeadAsync(app.ValidForm("edited@example.com"))) { }
            await app.RunEmailSenderAsync();
            app.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));
            await app.RunEmailSenderAsync();

            var received = Assert.Single(app.Smtp.To("edited@example.com"));
            // Written behind the editor's back: the subject still gets nothing the person typed.
            Assert.Equal("Edited: hello from United States", received.Message.Subject);
            app.Clock.Advance(TimeSpan.FromDays(1));
            await app.RunEmailSenderAsync();
            Assert.Equal(2, app.Smtp.To("edited@example.com").Count);
        }
        finally
        {
            await using var db = app.NewDbContext();
            var step = await db.SequenceSteps.Include(s => s.Templates).SingleAsync(s => s.Key == EmailSequenceSeed.Confirmation);
            step.Templates[0].Subject = "We received your MS-ITL request";
            (await db.SequenceSteps.SingleAsync(s => s.Key == EmailSequenceSeed.FirstFollowUp)).Delay = TimeSpan.FromDays(2);
            await db.SaveChangesAsync();
        }
    }

    private static string UnsubscribeUrl(MimeMessage message)
    {
        var header = message.Headers["List-Unsubscribe"];
        Assert.NotNull(header);
        return header.Trim('<', '>');
    }

    private async Task<int> PendingAsync(string email)
    {
        await using var db = app.NewDbContext();
        return await db.LeadEmails.CountAsync(e => e.Lead!.NormalizedEmail == email && e.Status == LeadEmailStatus.Scheduled);
    }
}
