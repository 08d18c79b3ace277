using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Identity;
using ProgramPortal.Leads;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Leads;

public class RequestingInformationTests(LeadApp app) : IClassFixture<LeadApp>
{
    [Fact]
    public async Task A_valid_request_is_stored_once_and_redirects_to_the_thank_you_page()
    {
        var browser = app.NewBrowser(followRedirects: false);
        using var response = await app.SubmitLeadAsync(app.ValidForm("grace@example.com"), browser);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/request-info/thanks", response.Headers.Location?.OriginalString);

        // Refreshing the thank-you page is a GET of that page: it cannot store anything again.
        for (var i = 0; i < 3; i++)
        {
            var thanks = await browser.GetStringAsync("/request-info/thanks");
            Assert.Contains("we have your request", thanks);
        }

        await using var db = app.NewDbContext();
        var lead = await db.Leads.Include(l => l.Inquiries).Include(l => l.Emails).SingleAsync(l => l.NormalizedEmail == "grace@example.com");
        Assert.Single(lead.Inquiries);
        Assert.Equal(LeadStatus.New, lead.Status);
        Assert.Equal(TrackInterest.IT, lead.Track);
        Assert.Equal(ConsentStatement.Version, lead.ConsentVersion);
        Assert.Equal(ConsentStatement.Text, lead.Inquiries[0].ConsentText);
        Assert.Equal(4, lead.Emails.Count); // confirmation, admissions notice, two follow-ups
    }

    [Theory]
    [InlineData("José", "Ñúñez", "jose@example.com")]
    [InlineData("李", "小龙", "bruce@example.com")]
    [InlineData("Siobhán", "O'Brien", "siobhan@example.com")]
    [InlineData("Jean-Luc", "St. Pierre", "jean-luc@example.com")]
    [InlineData("Máire", "O'Brien–García", "maire@example.com")]
    [InlineData("Chloé", "d’Artagnan-Smith — Jones", "chloe@example.com")]
    [InlineData("Nguyễn", "Thị Minh", "nguyen@example.com")]
    [InlineData("Hana", "Tanaka゠Smith", "hana@example.com")]
    public async Task Names_in_any_script_are_accepted_and_kept_as_typed(string first, string last, string email)
    {
        var form = app.ValidForm(email);
        form["Input.FirstName"] = first;
        form["Input.LastName"] = last;

        using var response = await app.SubmitLeadAsync(form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.NewDbContext();
        var lead = await db.Leads.SingleAsync(l => l.NormalizedEmail == email);
        Assert.Equal((first, last), (lead.FirstName, lead.LastName));
    }

    [Theory]
    [InlineData("O'Brien\u200B–García")] // zero-width space, a format character
    [InlineData("O\u00ADBrien")] // soft hyphen, a format character
    [InlineData("Garc\u0301ia\u202E")] // right-to-left override
    [InlineData("O'Brien\u0007")]
    [InlineData("O'Brien 2nd")]
    [InlineData("O'Brien – ")]
    public async Task A_name_with_a_control_format_digit_or_dangling_dash_is_refused_with_a_plain_message(string last)
    {
        var email = $"refused-{Guid.NewGuid():N}@example.com";
        var form = app.ValidForm(email);
        form["Input.LastName"] = last;

        using var response = await app.SubmitLeadAsync(form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Use letters, spaces, apostrophes, hyphens, dashes or full stops in your last name.", html);
        await using var db = app.NewDbContext();
        Assert.False(await db.Inquiries.AnyAsync(i => i.NormalizedEmail == email));
    }

    [Fact]
    public async Task Invalid_fields_are_refused_with_messages_linked_to_each_field_and_the_typed_values_kept()
    {
        var form = app.ValidForm("not-an-address");
        form["Input.FirstName"] = "";
        form["Input.YearsOfExperience"] = "several";
        form.Remove("Input.Consent");

        using var response = await app.SubmitLeadAsync(form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is a problem with your request", html);
        Assert.Contains("<a href=\"#Input_FirstName\">Enter your first name.</a>", html);
        Assert.Contains("<a href=\"#Input_Email\">Enter an email address like name@example.com.</a>", html);
        Assert.Contains("href=\"#Input_YearsOfExperience\"", html);
        Assert.Contains("href=\"#Input_Consent\"", html);
        Assert.Contains("id=\"FirstName-error\"", html);
        Assert.Matches("id=\"Input_FirstName\"[^>]*aria-describedby=\"FirstName-error\"[^>]*aria-invalid=\"true\"", html);
        Assert.Matches("id=\"Input_Email\"[^>]*aria-describedby=\"email-hint Email-error\"", html);
        Assert.Contains("value=\"not-an-address\"", html);
        Assert.Contains("value=\"several\"", html);
        Assert.DoesNotContain("id=\"LastName-error\"", html);

        await using var db = app.NewDbContext();
        Assert.False(await db.Inquiries.AnyAsync(i => i.Email == "not-an-address"));
    }

    [Fact]
    public async Task A_repeat_within_the_window_adds_an_inquiry_without_a_second_sequence_and_never_rewrites_the_lead()
    {
        using (await app.SubmitLeadAsync(app.ValidForm("repeat@example.com", track: "IS"))) { }
        app.Clock.Advance(TimeSpan.FromDays(3));
        // Anyone can type someone's address: what a later post says is kept on its inquiry, beside the lead.
        var second = app.ValidForm("Repeat@Example.com", track: "Undecided");
        second["Input.FirstName"] = "Visit evil.com now";
        second["Input.Message"] = "A second question";
        using (await app.SubmitLeadAsync(second)) { }

        await using var db = app.NewDbContext();
        var lead = await db.Leads.Include(l => l.Inquiries).Include(l => l.Emails)
            .SingleAsync(l => l.NormalizedEmail == "repeat@example.com");
        Assert.Equal(2, lead.Inquiries.Count);
        Assert.Equal(("Ada", TrackInterest.IS), (lead.FirstName, lead.Track));
        Assert.Equal(4, lead.Emails.Count);
        Assert.Contains(lead.Inquiries, i => i.Message == "A second question" && i.FirstName == "Visit evil.com now");

        using var admissions = await app.LoginAsAsync(StaffRoles.Admissions);
        var page = await admissions.GetAsync($"/admin/leads/{lead.Id}");
        Assert.Equal("Ada Lovelace", page.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("the latest inquiry gave “Visit evil.com now Lovelace”", page.Text);
    }

    [Fact]
    public async Task A_repeat_after_the_window_starts_a_new_lead_with_its_own_sequence()
    {
        using (await app.SubmitLeadAsync(app.ValidForm("returning@example.com"))) { }
        app.Clock.Advance(TimeSpan.FromDays(31));
        using (await app.SubmitLeadAsync(app.ValidForm("returning@example.com"))) { }

        await using var db = app.NewDbContext();
        var leads = await db.Leads.Include(l => l.Emails).Where(l => l.NormalizedEmail == "returning@example.com").ToListAsync();
        Assert.Equal(2, leads.Count);
        Assert.All(leads, lead => Assert.Equal(4, lead.Emails.Count));
    }

    [Fact]
    public async Task The_same_form_posted_twice_is_stored_once()
    {
        var browser = app.NewBrowser(followRedirects: false);
        var hidden = await app.OpenFormAsync(browser);
        app.Clock.Advance(TimeSpan.FromSeconds(20));
        var form = app.ValidForm("twice@example.com");

        using var first = await LeadApp.PostFormAsync(browser, hidden, form);
        using var again = await LeadApp.PostFormAsync(browser, hidden, form);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await using var db = app.NewDbContext();
        Assert.Equal(1, await db.Inquiries.CountAsync(i => i.NormalizedEmail == "twice@example.com"));
    }

    [Fact]
    public async Task Campaign_parameters_and_the_referring_page_are_recorded()
    {
        var browser = app.NewBrowser(followRedirects: false);
        browser.DefaultRequestHeaders.Referrer = new Uri("http://localhost/careers");
        using var response = await app.SubmitLeadAsync(app.ValidForm("campaign@example.com"), browser,
            "/request-info?utm_source=newsletter&utm_medium=email&utm_campaign=fall-open-day");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.NewDbContext();
        var inquiry = await db.Inquiries.SingleAsync(i => i.NormalizedEmail == "campaign@example.com");
        Assert.Equal(("newsletter", "email", "fall-open-day"), (inquiry.UtmSource, inquiry.UtmMedium, inquiry.UtmCampaign));
        Assert.Equal("http://localhost/careers", inquiry.Referrer);
    }

    [Fact]
    public async Task A_post_without_a_valid_antiforgery_token_stores_nothing_and_shows_the_form_again_with_the_input()
    {
        var browser = app.NewBrowser(followRedirects: false);
        var hidden = await app.OpenFormAsync(browser);
        hidden.Remove("__RequestVerificationToken");
        app.Clock.Advance(TimeSpan.FromSeconds(20));

        using var response = await LeadApp.PostFormAsync(browser, hidden, app.ValidForm("no-token@example.com"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Please send the form again", html);
        Assert.Contains("value=\"no-token@example.com\"", html);
        await using var db = app.NewDbContext();
        Assert.False(await db.Inquiries.AnyAsync(i => i.NormalizedEmail == "no-token@example.com"));
    }

    [Fact]
    public async Task The_form_is_linked_from_public_pages_and_needs_no_script()
    {
        var home = await app.GetPageAsync("/");
        var form = await app.GetPageAsync("/request-info");

        Assert.Contains("href=\"/request-info\"", home);
        Assert.DoesNotContain("<script", form);
        Assert.Contains("<label for=\"Input_Email\">", form);
        Assert.Contains("name=\"viewport\"", form);
        Assert.Contains(ConsentStatement.Text, form);
    }
}
