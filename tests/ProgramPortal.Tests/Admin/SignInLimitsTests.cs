using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ProgramPortal.Areas.Admin.Pages.SignIn;
using ProgramPortal.Identity;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Admin;

/// <summary>Hangfire's server is off (jobs run when a test says so) and each browser names its own client address.</summary>
public class SignInLimitsApp : LeadApp
{
    protected override int? SignInPostsAllowed => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ClientAddresses.ComeFromNamedAddresses(builder);
    }
}

public class SignInLimitsTests(SignInLimitsApp app) : IClassFixture<SignInLimitsApp>
{
    [Fact]
    public async Task Thirty_reset_requests_for_one_address_send_three_emails_and_the_rest_are_asked_to_wait()
    {
        const string email = "reset-burst@staff.test";
        await app.CreateStaffAsync(email, StaffRoles.Editor);
        using var browser = StaffSessions.NewBrowser(app).From("198.51.100.10");
        var form = await browser.GetAsync("/admin/forgot-password");

        var answers = new List<BrowserPage>();
        for (var post = 0; post < 30; post++)
        {
            answers.Add(await browser.SubmitAsync(form, fields: [("Input.Email", email)]));
        }

        Assert.Equal(10, answers.Count(a => a.Status == HttpStatusCode.OK && a.Text.Contains(ForgotPasswordModel.Sent)));
        var limited = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(20, limited.Count);
        Assert.All(limited, page => Assert.Contains("Too many requests", page.Text));
        Assert.Empty(app.Smtp.To(email));

        Assert.Empty(await app.RunWaitingJobsAsync());
        Assert.Equal(3, app.Smtp.To(email).Count);
    }

    [Fact]
    public async Task A_limited_post_says_when_to_come_back()
    {
        using var browser = StaffSessions.NewBrowser(app).From("198.51.100.11");
        var form = await browser.GetAsync("/admin/forgot-password");
        for (var post = 0; post < 10; post++)
        {
            await browser.SubmitAsync(form, fields: [("Input.Email", "retry-after@staff.test")]);
        }

        using var limited = await browser.Client.PostAsync("/admin/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "retry-after@staff.test",
            ["__RequestVerificationToken"] = StaffBrowser.AntiforgeryToken(form),
        }));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));
        Assert.Contains("Please wait", await limited.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_the_mail_server_down_a_real_and_an_unknown_address_get_the_same_page_and_the_email_follows_on_retry()
    {
        const string staff = "smtp-outage@staff.test";
        await app.CreateStaffAsync(staff, StaffRoles.Admissions);
        using var browser = StaffSessions.NewBrowser(app).From("198.51.100.12");
        var form = await browser.GetAsync("/admin/forgot-password");
        await app.RunWaitingJobsAsync();
        await app.Smtp.StopAsync();
        try
        {
            var forStaff = await browser.SubmitAsync(form, fields: [("Input.Email", staff)]);
            var forUnknown = await browser.SubmitAsync(form, fields: [("Input.Email", "nobody-here@staff.test")]);

            Assert.Equal(HttpStatusCode.OK, forStaff.Status);
            Assert.Equal(HttpStatusCode.OK, forUnknown.Status);
            Assert.Equal(forStaff.Text, forUnknown.Text);
            // Both posts did the same work: one job each, carrying nothing but the normalised address.
            var queued = app.Waiting().Select(job => (job.Job.Type.Name, string.Join(",", job.Job.Args.OfType<string>())));
            Assert.Equal(
                [(nameof(SendPasswordResetJob), "NOBODY-HERE@STAFF.TEST"), (nameof(SendPasswordResetJob), "SMTP-OUTAGE@STAFF.TEST")],
                queued.Order());

            Assert.Single(await app.RunWaitingJobsAsync());
        }
        finally
        {
            await app.Smtp.StartAsync();
        }

        Assert.Empty(await app.RunWaitingJobsAsync());
        var mail = Assert.Single(app.Smtp.To(staff));
        Assert.StartsWith("/admin/reset-password?", StaffSessions.LinkIn(mail.Message));
    }

    [Fact]
    public async Task Sign_in_posts_are_limited_per_client_and_an_ipv6_client_counts_as_its_whole_64()
    {
        using var browser = StaffSessions.NewBrowser(app);
        var login = await browser.From("2001:db8:7:1::1").GetAsync("/admin/login");
        for (var post = 0; post < 20; post++)
        {
            // A new address in the same /64 and a new account each time: neither resets the count.
            var page = await browser.From($"2001:db8:7:1::{post + 10:x}")
                .SubmitAsync(login, fields: [("Input.Email", $"guess{post}@staff.test"), ("Input.Password", "Wrong-Password-1")]);
            Assert.Equal(HttpStatusCode.OK, page.Status);
        }

        var limited = await browser.From("2001:db8:7:1:ffff::1")
            .SubmitAsync(login, fields: [("Input.Email", "guess-more@staff.test"), ("Input.Password", "Wrong-Password-1")]);
        var otherNetwork = await browser.From("2001:db8:7:2::1")
            .SubmitAsync(login, fields: [("Input.Email", "guess-more@staff.test"), ("Input.Password", "Wrong-Password-1")]);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Contains("Too many requests", limited.Text);
        Assert.Equal(HttpStatusCode.OK, otherNetwork.Status);
        Assert.Contains(LoginModel.Failed, otherNetwork.Text);
    }

    [Fact]
    public async Task Sign_in_posts_naming_one_account_are_limited_however_many_clients_send_them()
    {
        const string email = "many-clients@staff.test";
        await app.CreateStaffAsync(email, StaffRoles.Editor);
        using var browser = StaffSessions.NewBrowser(app);
        var login = await browser.From("203.0.113.1").GetAsync("/admin/login");
        for (var client = 1; client <= 10; client++)
        {
            var page = await browser.From($"203.0.113.{client}")
                .SubmitAsync(login, fields: [("Input.Email", email), ("Input.Password", "Wrong-Password-1")]);
            Assert.Equal(HttpStatusCode.OK, page.Status);
        }

        var limited = await browser.From("203.0.113.99")
            .SubmitAsync(login, fields: [("Input.Email", email.ToUpperInvariant()), ("Input.Password", "Wrong-Password-1")]);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
    }

    [Fact]
    public async Task Two_factor_code_posts_are_limited_per_account()
    {
        const string email = "two-factor-guess@staff.test";
        await app.CreateStaffAsync(email, StaffRoles.Editor);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        using var browser = StaffSessions.NewBrowser(app);
        var askedForCode = await browser.From("192.0.2.1").SignInAsync(email);
        Assert.StartsWith("/admin/login-2fa", askedForCode.Path);
        var answers = new List<HttpStatusCode>();
        for (var client = 2; client <= 12; client++)
        {
            answers.Add((await browser.From($"192.0.2.{client}").SubmitAsync(askedForCode, fields: [("Input.Code", "000000")])).Status);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        Assert.Equal(10, answers.Count(status => status == HttpStatusCode.OK));
    }
}
