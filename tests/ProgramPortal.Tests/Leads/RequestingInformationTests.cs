using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Leads;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Leads;

public class RequestingInformationTests(LeadApp app) : IClassFixture<LeadApp>
{
    [Fact]
    public async Task A_valid_request_is_stored_once_and_redirects_to_the_thank_you_page()
    {
        var browser = app.NewBrowser(followRedirects: false);
        using var response = await app.SubmitLeadAsync(LeadApp.ValidForm("grace@example.com"), browser);

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
}
