using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ProgramPortal.Email;
using ProgramPortal.Leads;
using ProgramPortal.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProgramPortal.Tests.Journeys;

/// <summary>
/// Journey 1 in chromium against the app on a real port: a prospective student asks for information,
/// reads the confirmation that arrives over SMTP and stops the emails with its link.
/// </summary>
public partial class ProspectiveStudentJourneyTests(JourneyPortalApp app, ITestOutputHelper output)
    : IClassFixture<JourneyPortalApp>
{
    [Fact]
    public async Task Journey_1_a_prospective_student_requests_information_gets_the_confirmation_and_unsubscribes_by_its_link()
    {
        var journey = new JourneyRecorder("1-prospective-student", output);
        var student = ProspectiveStudent.WithUnicodeName();
        var (firstName, lastName, email) = student;

        var tab = await app.OpenAsync("/");
        var watch = await PolicyWatch.AttachAsync(tab);
        await student.RequestInformationAsync(app, tab, journey);

        var confirmation = (await app.Smtp.WaitForOneAsync(email, TimeSpan.FromSeconds(30))).Message;
        Assert.Equal("We received your MS-ITL request", confirmation.Subject);
        Assert.Contains(firstName, confirmation.TextBody);
        Assert.Equal($"{firstName} {lastName}", confirmation.To.Mailboxes.Single().Name);
        var unsubscribe = new Uri(UnsubscribeLink().Match(confirmation.TextBody ?? "").Value);
        Assert.Equal(app.BaseAddress.GetLeftPart(UriPartial.Authority), unsubscribe.GetLeftPart(UriPartial.Authority));

        await tab.GotoAsync(unsubscribe.ToString());
        await Expect(tab.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Stop emails about the MS-ITL?");
        Assert.Equal(0, await CountAsync(email, LeadEmailStatus.Cancelled));
        await journey.StepAsync(tab, "unsubscribe asks first");
        await tab.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await Expect(tab.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You are unsubscribed");
        await journey.StepAsync(tab, "unsubscribed");

        var cancelled = await CountAsync(email, LeadEmailStatus.Cancelled);
        var stillScheduled = await CountAsync(email, LeadEmailStatus.Scheduled);
        await using (var db = app.NewDbContext())
        {
            Assert.NotNull(await db.Leads.Where(l => l.NormalizedEmail == email).Select(l => l.UnsubscribedAt).SingleAsync());
        }

        Assert.Equal(2, cancelled); // the two follow-ups, days later
        Assert.Equal(0, stillScheduled);
        Assert.True(watch.All.Count == 0, string.Join("\n", watch.All));
        output.WriteLine($"leads submitted: 1, acknowledged (thank-you page): 1, found in the database: 1, quarantined: 0; "
            + $"confirmations delivered over SMTP: {app.Smtp.To(email).Count}, duplicates: {app.Smtp.To(email).Count - 1}; "
            + $"unsubscribe links followed: 1, follow-ups cancelled: {cancelled}, still scheduled: {stillScheduled}; "
            + $"CSP violations: {watch.All.Count}; screenshots: {journey.Steps}");
        await tab.Context.CloseAsync();
    }

    private async Task<int> CountAsync(string email, LeadEmailStatus status)
    {
        await using var db = app.NewDbContext();
        return await db.LeadEmails.CountAsync(e => e.Lead!.NormalizedEmail == email && e.Status == status);
    }

    [GeneratedRegex(@"https?://\S+/unsubscribe\?token=\S+")]
    private static partial Regex UnsubscribeLink();
}
