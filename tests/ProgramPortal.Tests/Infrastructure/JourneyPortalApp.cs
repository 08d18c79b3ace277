using Microsoft.AspNetCore.Hosting;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>
/// The app on a real port with chromium, sending its mail over SMTP (MailKit, as in production) to a
/// real SMTP server in the test process, so a journey can open the links people get by email.
/// </summary>
public class JourneyPortalApp : BrowserPortalApp
{
    /// <summary>How long the form must have been shown before a request counts as a person's.</summary>
    public static readonly TimeSpan MinimumFillTime = TimeSpan.FromSeconds(1);

    public TestSmtpServer Smtp { get; } = new();

    public override async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Smtp.ReceiveMailFrom(builder);
        // The spam check's minimum stays above zero (it still runs) but short, since a journey's
        // student waits it out (a browser alone fills the form in half a second). Workers poll each
        // second, so a lead's enqueued emails go out within a journey's patience.
        builder.UseSetting("Leads:MinimumFillTime", MinimumFillTime.ToString());
        builder.UseSetting("Jobs:PollInterval", "00:00:01");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
