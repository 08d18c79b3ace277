using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ProgramPortal.Leads;
using ProgramPortal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ProgramPortal.Tests.Journeys;

/// <summary>
/// A prospective student with a name beyond ASCII, as journeys play one in chromium: from the home
/// page's "Request information" link through the form to the thank-you page, a screenshot at each step.
/// Journeys that start from this lead (the student's own, admissions' export) share it from here.
/// </summary>
public sealed record ProspectiveStudent(string FirstName, string LastName, string Email)
{
    public const string CountryCode = "ES";
    public const string Country = "Spain";
    public const string Track = "Information Technology (IT)";

    /// <summary>A new student each call: the address is unique, the name the same.</summary>
    public static ProspectiveStudent WithUnicodeName() => new("Zoë", "Ñúñez-Ørsted", $"zoe.{Guid.NewGuid():N}@student.test");

    /// <summary>
    /// Fills in and sends the form, starting on the home page the tab shows; ends on the thank-you page
    /// with the lead stored under the student's name and nothing of it held as suspected spam.
    /// </summary>
    public async Task<Lead> RequestInformationAsync(JourneyPortalApp app, IPage tab, JourneyRecorder journey)
    {
        await journey.StepAsync(tab, "home page");
        await tab.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Request information" }).ClickAsync();
        await Expect(tab.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Request information");
        Assert.EndsWith("/request-info", tab.Url);
        var reading = Stopwatch.StartNew();
        await journey.StepAsync(tab, "the form");

        await tab.GetByLabel("First name").FillAsync(FirstName);
        await tab.GetByLabel("Last name").FillAsync(LastName);
        await tab.GetByLabel("Email address").FillAsync(Email);
        await tab.GetByLabel("Country").SelectOptionAsync(CountryCode);
        await tab.GetByLabel(Track).CheckAsync();
        await tab.GetByLabel("Intended start term").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await tab.GetByLabel("Years of IT experience").FillAsync("5");
        await tab.GetByLabel("Message (optional)").FillAsync("¿Es el programa totalmente en línea?");
        await tab.GetByRole(AriaRole.Checkbox).CheckAsync();
        await journey.StepAsync(tab, "form filled in");
        // A person takes longer than the spam check's minimum; chromium does not, so the student
        // waits out what is left of it (the form was shown before this clock started).
        if (JourneyPortalApp.MinimumFillTime - reading.Elapsed is { Ticks: > 0 } left)
        {
            await Task.Delay(left);
        }

        await tab.GetByRole(AriaRole.Button, new() { Name = "Send my request" }).ClickAsync();
        await Expect(tab.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you, we have your request");
        await journey.StepAsync(tab, "thank-you page");

        await using var db = app.NewDbContext();
        var inquiry = Assert.Single(await db.Inquiries.Include(i => i.Lead).Where(i => i.NormalizedEmail == Email).ToListAsync());
        Assert.True(inquiry.SpamReason is null, $"The request was held as suspected spam: {inquiry.SpamReason}");
        Assert.Equal((FirstName, LastName), (inquiry.Lead?.FirstName, inquiry.Lead?.LastName));
        return inquiry.Lead!;
    }
}
