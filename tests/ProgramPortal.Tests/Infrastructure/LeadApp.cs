using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ProgramPortal.Email;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>
/// The portal with a fake clock and a real SMTP server, for the request-information form and its
/// emails. Hangfire's server does not run: tests run the real job classes when they choose to.
/// </summary>
public class LeadApp : PortalApp
{
    public const string AdmissionsInbox = "inbox@admissions.test";

    // Whole seconds, so times read back from PostgreSQL (microseconds) compare equal.
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    public TestSmtpServer Smtp { get; } = new();
    public CapturedLog Log { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Smtp.StartAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Smtp.ReceiveMailFrom(builder);
        builder.UseSetting("Leads:AdmissionsInbox", AdmissionsInbox);
        builder.UseSetting("Site:PublicBaseUrl", "http://localhost");
        builder.UseSetting("Leads:FormPostsPerWindow", FormPostsPerWindow.ToString());
        builder.UseSetting("Jobs:RunServer", RunJobServer ? "true" : "false");
        builder.UseSetting("Jobs:PollInterval", "00:00:01");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
    }

    protected virtual int FormPostsPerWindow => 1_000_000;
    protected virtual bool RunJobServer => false;

    /// <summary>The fake clock's now, this many days back: when a generated lead came in.</summary>
    public DateTimeOffset DaysAgo(int days) => Clock.GetUtcNow().AddDays(-days);

    public HttpClient NewBrowser(bool followRedirects = true) =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });

    /// <summary>A complete, valid submission; tests override single fields.</summary>
    public Dictionary<string, string> ValidForm(string email, string track = "IT") =>
        LeadForm.Valid(email, Clock.GetUtcNow(), track);

    /// <summary>Opens the form like a browser (getting its hidden fields and cookie), waits as a person would, and sends it.</summary>
    public async Task<HttpResponseMessage> SubmitLeadAsync(Dictionary<string, string> fields, HttpClient? browser = null,
        string formPath = "/request-info")
    {
        browser ??= NewBrowser(followRedirects: false);
        var form = await OpenFormAsync(browser, formPath);
        Clock.Advance(TimeSpan.FromSeconds(30));
        return await PostFormAsync(browser, form, fields);
    }

    public Task<Dictionary<string, string>> OpenFormAsync(HttpClient browser, string formPath = "/request-info") =>
        LeadForm.OpenAsync(browser, formPath);

    public static Task<HttpResponseMessage> PostFormAsync(HttpClient browser, Dictionary<string, string> hidden,
        Dictionary<string, string> fields) => LeadForm.PostAsync(browser, hidden, fields);

    /// <summary>Runs the real email sender job once, as Hangfire would.</summary>
    public async Task<int> RunEmailSenderAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SendDueEmailsJob>().RunAsync(CancellationToken.None);
    }

    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> use) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<int> LeadIdAsync(string email)
    {
        await using var db = NewDbContext();
        return await db.Leads.Where(l => l.NormalizedEmail == email.ToLowerInvariant()).Select(l => l.Id).SingleAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await base.DisposeAsync();
    }
}
