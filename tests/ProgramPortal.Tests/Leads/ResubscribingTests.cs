using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Email;
using ProgramPortal.Leads;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Leads;

/// <summary>
/// An address that unsubscribed gets emails again only when its owner says so, by a link sent to it:
/// anyone can type someone else's address into the form, and the name field with it.
/// </summary>
public class ResubscribingTests(LeadApp app) : IClassFixture<LeadApp>
{
    private const string Confirmation = "Do you want emails about the MS-ITL again?";

    private async Task<int> UnsubscribedLeadAsync(string email)
    {
        using (await app.SubmitLeadAsync(app.ValidForm(email))) { }
        await app.RunEmailSenderAsync();
        var leadId = await app.LeadIdAsync(email);
        Assert.True(await app.WithServiceAsync<LeadLifecycle, bool>(lifecycle => lifecycle.UnsubscribeAsync(leadId)));
        return leadId;
    }

    private async Task<HttpResponseMessage> PostAsStrangerAsync(string email)
    {
        var form = app.ValidForm(email);
        form["Input.FirstName"] = "Visit evil.com now";
        form["Input.LastName"] = "Mallory";
        return await app.SubmitLeadAsync(form);
    }

    private async Task<int> PendingToLeadAsync(int leadId)
    {
        await using var db = app.NewDbContext();
        return await db.LeadEmails.CountAsync(e => e.LeadId == leadId && e.Status == LeadEmailStatus.Scheduled);
    }

    [Fact]
    public async Task A_request_for_an_unsubscribed_address_sends_only_a_confirmation_link_and_only_its_click_starts_emails_again()
    {
        const string email = "changed-mind@example.com";
        var leadId = await UnsubscribedLeadAsync(email);
        app.Clock.Advance(TimeSpan.FromDays(1));

        using (var posted = await PostAsStrangerAsync(email))
        {
            Assert.True(LeadForm.IsAcknowledged(posted));
        }

        await app.RunEmailSenderAsync();
        var mail = app.Smtp.To(email);
        Assert.Equal(2, mail.Count);
        var ask = mail[1].Message;
        Assert.Equal(Confirmation, ask.Subject);
        // Nothing the form's sender typed reaches the mailbox: not in the subject, body or recipient name.
        Assert.All(app.Smtp.Received, m => Assert.DoesNotContain("evil.com", m.Message.Subject));
        Assert.DoesNotContain("evil.com", ask.TextBody + ask.HtmlBody + ask.To);
        Assert.DoesNotContain("Mallory", ask.TextBody + ask.HtmlBody + ask.To);
        await using (var db = app.NewDbContext())
        {
            var lead = await db.Leads.Include(l => l.Inquiries).SingleAsync(l => l.Id == leadId);
            Assert.NotNull(lead.UnsubscribedAt);
            Assert.Equal(("Ada", "Lovelace"), (lead.FirstName, lead.LastName));
            Assert.Equal("Visit evil.com now", lead.Inquiries.MaxBy(i => i.Id)!.FirstName);
        }

        Assert.Equal(0, await PendingToLeadAsync(leadId));

        // Opening the link only asks (link scanners open links too); the button confirms.
        var browser = app.NewBrowser(followRedirects: false);
        var link = StaffSessions.LinkIn(ask);
        Assert.StartsWith("/resubscribe?token=", link);
        var page = await LeadForm.OpenAsync(browser, link);
        Assert.Equal(0, await PendingToLeadAsync(leadId));
        using (var confirmed = await browser.PostAsync(link, new FormUrlEncodedContent(page)))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            Assert.Contains("You will get our emails again", await confirmed.Content.ReadAsStringAsync());
        }

        using (var again = await browser.PostAsync(link, new FormUrlEncodedContent(page)))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        Assert.Equal(3, await PendingToLeadAsync(leadId));
        await app.RunEmailSenderAsync();
        Assert.Equal("We received your MS-ITL request", app.Smtp.To(email)[2].Message.Subject);
        await using (var db = app.NewDbContext())
        {
            var lead = await db.Leads.Include(l => l.Inquiries).SingleAsync(l => l.Id == leadId);
            Assert.Null(lead.UnsubscribedAt);
            Assert.Equal([false, true], lead.Inquiries.OrderBy(i => i.Id).Select(i => i.Resubscribed));
        }
    }

    [Fact]
    public async Task An_unsubscribed_address_is_asked_at_most_once_a_day_however_often_the_form_names_it()
    {
        const string email = "asked-once@example.com";
        var leadId = await UnsubscribedLeadAsync(email);
        // After the repeat window too: a new lead for the address stays unsubscribed until the click.
        app.Clock.Advance(TimeSpan.FromDays(40));

        for (var i = 0; i < 5; i++)
        {
            using (await PostAsStrangerAsync(email)) { }
        }

        await app.RunEmailSenderAsync();
        Assert.Equal([Confirmation], app.Smtp.To(email).Skip(1).Select(m => m.Message.Subject));
        await using (var db = app.NewDbContext())
        {
            var leads = await db.Leads.Where(l => l.NormalizedEmail == email).ToListAsync();
            Assert.Equal(2, leads.Count);
            Assert.All(leads, lead => Assert.NotNull(lead.UnsubscribedAt));
        }

        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        using (await PostAsStrangerAsync(email)) { }
        await app.RunEmailSenderAsync();
        Assert.Equal([Confirmation, Confirmation], app.Smtp.To(email).Skip(1).Select(m => m.Message.Subject));
        Assert.Equal(0, await PendingToLeadAsync(leadId));
    }

    [Fact]
    public async Task A_broken_or_forged_confirmation_link_gets_a_clear_page_and_subscribes_no_one()
    {
        var browser = app.NewBrowser(followRedirects: false);
        using var get = await browser.GetAsync("/resubscribe?token=forged");

        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        Assert.Contains("This link does not work", await get.Content.ReadAsStringAsync());
    }
}
