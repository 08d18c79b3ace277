using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
    /// <summary>The client address a request claims here; the in-memory server has none of its own.</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    protected override int FormPostsPerWindow => 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>());
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, inner) =>
            {
                if (context.Request.Headers[ClientAddressHeader] is [{ } address])
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                }

                return inner(context);
            });
            next(app);
        };
    }
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

    [Fact]
    public async Task Ipv6_clients_are_counted_by_their_64_bit_network_since_one_subscriber_holds_all_of_it()
    {
        async Task<HttpStatusCode> PostFromAsync(string address, string email)
        {
            var browser = app.NewBrowser(followRedirects: false);
            browser.DefaultRequestHeaders.Add(RateLimitedLeadApp.ClientAddressHeader, address);
            using var response = await app.SubmitLeadAsync(app.ValidForm(email), browser);
            return response.StatusCode;
        }

        foreach (var host in new[] { "1", "2", "3" })
        {
            Assert.Equal(HttpStatusCode.Redirect, await PostFromAsync($"2001:db8:64:1::{host}", $"v6-{host}@example.com"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await PostFromAsync("2001:db8:64:1:ffff:eeee:dddd:4", "v6-4@example.com"));
        Assert.Equal(HttpStatusCode.Redirect, await PostFromAsync("2001:db8:64:2::1", "v6-other@example.com"));
        Assert.Equal(HttpStatusCode.Redirect, await PostFromAsync("192.0.2.1", "v4-one@example.com"));
        Assert.Equal(HttpStatusCode.Redirect, await PostFromAsync("192.0.2.2", "v4-two@example.com"));
    }
}
