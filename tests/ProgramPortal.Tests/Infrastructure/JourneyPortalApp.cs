using Microsoft.AspNetCore.Hosting;
using MimeKit;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>
/// The app on a real port with chromium, sending its mail over SMTP (MailKit, as in production) to a
/// real SMTP server in the test process, so a journey can open the links people get by email.
/// </summary>
public class JourneyPortalApp : BrowserPortalApp
{
    public TestSmtpServer Smtp { get; } = new();

    public override async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:SmtpHost", "127.0.0.1");
        builder.UseSetting("Mail:SmtpPort", Smtp.Port.ToString());
        builder.UseSetting("Mail:Security", "None");
    }

    /// <summary>The one message the SMTP server received for this address, waiting for it to arrive.</summary>
    public async Task<MimeMessage> WaitForMailToAsync(string address, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Smtp.To(address).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return Assert.Single(Smtp.To(address)).Message;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
