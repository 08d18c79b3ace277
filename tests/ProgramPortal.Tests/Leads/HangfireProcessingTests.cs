using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Leads;

public class LeadAppWithJobServer : LeadApp
{
    protected override bool RunJobServer => true;
}

/// <summary>The whole path with Hangfire's own server running: form, commit, enqueue, worker, SMTP.</summary>
public class HangfireProcessingTests(LeadAppWithJobServer app) : IClassFixture<LeadAppWithJobServer>
{
    [Fact]
    public async Task The_confirmation_arrives_through_the_hangfire_worker_after_the_form_is_sent()
    {
        using (await app.SubmitLeadAsync(app.ValidForm("worker@example.com"))) { }

        var confirmation = await app.Smtp.WaitForOneAsync("worker@example.com");
        Assert.StartsWith("We received your MS-ITL request", confirmation.Message.Subject);
    }
}
