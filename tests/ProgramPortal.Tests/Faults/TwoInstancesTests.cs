using System.Net;
using Npgsql;
using ProgramPortal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProgramPortal.Tests.Faults;

/// <summary>
/// Two portal processes on one database, as behind a load balancer that sends each request wherever
/// it likes: a person's cookies, forms and emails must not care which instance served them.
/// </summary>
public class TwoInstancesTests(PortalDatabase database, ITestOutputHelper output) : IClassFixture<PortalDatabase>
{
    private const string Admin = "ops.admin@staff.test";
    private const string Password = "Two-Instances-2026";

    [Fact]
    public async Task Sign_in_and_forms_work_across_instances_and_each_email_job_runs_once()
    {
        await using var mail = new TestSmtpServer();
        await mail.StartAsync();
        await using var portals = await FaultPortal.StartTwoWithAdminAsync(database.ConnectionString, mail, Admin, Password);
        var (a, b) = (portals.A, portals.B);

        // Signed in through A's login form (antiforgery token and all), then an admin page from B.
        var staffCookies = new CookieContainer();
        using var staffOnA = new StaffBrowser(a.CreateClient(staffCookies));
        using var staffOnB = new StaffBrowser(b.CreateClient(staffCookies));
        var landed = await staffOnA.SignInAsync(Admin, Password);
        Assert.DoesNotContain("/admin/login", landed.Path);
        var staffPage = await staffOnB.GetAsync("/admin/staff");
        Assert.Equal((HttpStatusCode.OK, "/admin/staff"), (staffPage.Status, staffPage.Path));
        Assert.Contains(Admin, staffPage.Text);
        using var strangerOnB = new StaffBrowser(b.CreateClient(new CookieContainer()));
        Assert.Contains("/admin/login", (await strangerOnB.GetAsync("/admin/staff")).Path);

        // The form opened on A is sent to B; without A's antiforgery cookie the same post is refused.
        var visitorCookies = new CookieContainer();
        using var visitorOnA = new StaffBrowser(a.CreateClient(visitorCookies));
        using var visitorOnB = new StaffBrowser(b.CreateClient(visitorCookies));
        var form = await visitorOnA.GetAsync("/request-info");
        var fields = LeadForm.Valid("across.instances@visitors.test", DateTimeOffset.UtcNow)
            .Select(field => (field.Key, (string?)field.Value)).ToArray();
        var thanks = await visitorOnB.SubmitAsync(form, fields: fields);
        Assert.Equal(LeadForm.ThanksPath, thanks.Path);
        var refused = await strangerOnB.SubmitAsync(form, fields: fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);

        // Leads sent to both instances at once; both run job servers over the one outbox.
        var traffic = new LeadTraffic("two-instances");
        var turn = 0;
        using var stop = new CancellationTokenSource();
        var visitors = traffic.RunAsync(() => Interlocked.Increment(ref turn) % 2 == 0 ? a : b, visitors: 4, stop.Token);
        await traffic.WaitForAcknowledgedAsync(40, TimeSpan.FromSeconds(90));
        await stop.CancelAsync();
        await visitors;

        var tally = await FaultPortal.WaitUntilSettledAsync(database.ConnectionString, mail, TimeSpan.FromSeconds(60));
        Assert.Empty(traffic.Refused);
        tally.AssertOneOfEachPerLead();
        await traffic.AssertEveryAcknowledgedLeadStoredAndConfirmedOnceAsync(database.ConnectionString, mail);
        var servers = await JobServersThatRanJobsAsync();
        Assert.Equal(2, servers);
        output.WriteLine($"sign-ins on A: 1, admin pages opened on B with A's session: 1, forms opened on A and accepted by B: 1, "
            + $"refused without the antiforgery cookie: 1; {traffic.Summary}; {tally}; job servers that ran email jobs: {servers}");
    }

    /// <summary>Hangfire records which server picked up each job in its Processing state.</summary>
    private async Task<int> JobServersThatRanJobsAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(DISTINCT data::jsonb->>'ServerId') FROM hangfire.state WHERE name = 'Processing'", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }
}
