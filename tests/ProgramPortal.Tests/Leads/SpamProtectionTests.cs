using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Leads;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Leads;

public class SpamProtectionTests(LeadApp app) : IClassFixture<LeadApp>
{
    [Fact]
    public async Task A_filled_honeypot_is_quarantined_with_no_lead_and_no_email()
    {
        var form = app.ValidForm("honeypot@example.com");
        form["Input.Website"] = "http://spam.example";

        using var response = await app.SubmitLeadAsync(form);
        await app.RunEmailSenderAsync();

        // The bot sees the same thank-you page as a person, so it learns nothing.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var inquiry = await QuarantinedAsync("honeypot@example.com");
        Assert.Contains("honeypot", inquiry.SpamReason);
        Assert.Empty(app.Smtp.To("honeypot@example.com"));
    }

    [Fact]
    public async Task A_form_sent_back_faster_than_a_person_could_fill_it_is_quarantined()
    {
        var browser = app.NewBrowser(followRedirects: false);
        var hidden = await app.OpenFormAsync(browser);
        app.Clock.Advance(TimeSpan.FromSeconds(1));

        using var response = await LeadApp.PostFormAsync(browser, hidden, app.ValidForm("too-fast@example.com"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("after the form was shown", (await QuarantinedAsync("too-fast@example.com")).SpamReason);
    }

    [Fact]
    public async Task A_forged_form_token_is_quarantined()
    {
        var browser = app.NewBrowser(followRedirects: false);
        var hidden = await app.OpenFormAsync(browser);
        hidden["Input.FormToken"] = "forged";
        app.Clock.Advance(TimeSpan.FromSeconds(20));

        using var response = await LeadApp.PostFormAsync(browser, hidden, app.ValidForm("forged@example.com"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("form token", (await QuarantinedAsync("forged@example.com")).SpamReason);
    }

    [Fact]
    public async Task Staff_release_a_quarantined_inquiry_and_it_becomes_a_lead_that_gets_its_emails()
    {
        var form = app.ValidForm("real-person@example.com");
        form["Input.Website"] = "autofilled by a browser";
        using (await app.SubmitLeadAsync(form)) { }
        var quarantined = await QuarantinedAsync("real-person@example.com");

        var outcome = await app.WithServiceAsync<LeadIntake, IntakeOutcome?>(intake => intake.ReleaseAsync(quarantined.Id));
        var releasedAgain = await app.WithServiceAsync<LeadIntake, IntakeOutcome?>(intake => intake.ReleaseAsync(quarantined.Id));
        await app.RunEmailSenderAsync();

        Assert.Equal(IntakeOutcome.NewLead, outcome);
        Assert.Null(releasedAgain);
        await using var db = app.NewDbContext();
        var inquiry = await db.Inquiries.SingleAsync(i => i.Id == quarantined.Id);
        Assert.NotNull(inquiry.LeadId);
        Assert.NotNull(inquiry.ReleasedAt);
        Assert.Single(app.Smtp.To("real-person@example.com"));
    }

    private async Task<Inquiry> QuarantinedAsync(string email)
    {
        await using var db = app.NewDbContext();
        var inquiry = await db.Inquiries.SingleAsync(i => i.NormalizedEmail == email);
        Assert.True(inquiry.IsQuarantined);
        Assert.Null(inquiry.LeadId);
        Assert.False(await db.Leads.AnyAsync(l => l.NormalizedEmail == email));
        return inquiry;
    }
}

public class RateLimitedLeadApp : LeadApp
{
    protected override int FormPostsPerWindow => 3;
}

public class RateLimitTests(RateLimitedLeadApp app) : IClassFixture<RateLimitedLeadApp>
{
    [Fact]
    public async Task Too_many_posts_from_one_address_get_a_friendly_429_page_while_reading_the_form_still_works()
    {
        var browser = app.NewBrowser(followRedirects: false);
        for (var i = 0; i < 3; i++)
        {
            using var accepted = await app.SubmitLeadAsync(app.ValidForm($"burst{i}@example.com"), browser);
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        using var limited = await app.SubmitLeadAsync(app.ValidForm("burst3@example.com"), browser);
        var html = await limited.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Too many requests", html);
        Assert.Contains("<html", html);
        using var form = await browser.GetAsync("/request-info");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        await using var db = app.NewDbContext();
        Assert.Equal(3, await db.Inquiries.CountAsync(i => i.NormalizedEmail.StartsWith("burst")));
    }
}
