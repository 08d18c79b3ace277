using System.Net;
using System.Text;
using ProgramPortal.Areas.Admin.Pages.SignIn;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Security;

public class AnonymousFormSizeTests(PortalApp app) : IClassFixture<PortalApp>
{
    public static TheoryData<string> AnonymousForms =>
        ["/admin/login", "/admin/login-2fa", "/admin/forgot-password", "/admin/reset-password", "/admin/accept-invitation", "/unsubscribe", "/resubscribe"];

    [Fact]
    public async Task A_3_MB_address_on_the_forgot_password_form_gets_a_413_page_and_not_a_single_cookie()
    {
        using var browser = app.NewBrowser();
        var form = await browser.GetAsync("/admin/forgot-password");
        var address = new string('a', 3 * 1024 * 1024) + "@staff.test";

        using var response = await browser.Client.PostAsync("/admin/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = address,
            ["__RequestVerificationToken"] = StaffBrowser.AntiforgeryToken(form),
        }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies), $"{cookies?.Count()} Set-Cookie headers");
        Assert.Contains("That was too much to send", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_forgot_password_answer_keeps_no_trace_of_the_address_typed_in_its_cookie()
    {
        using var browser = app.NewBrowser();
        var form = await browser.GetAsync("/admin/forgot-password");

        async Task<int> CookieBytesAfterAsking(string address)
        {
            using var response = await browser.Client.PostAsync("/admin/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = address,
                ["__RequestVerificationToken"] = StaffBrowser.AntiforgeryToken(form),
            }));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Sum(c => c.Length) : 0;
        }

        var forShort = await CookieBytesAfterAsking("a@staff.test");
        var forLong = await CookieBytesAfterAsking(new string('b', 200) + "@staff.test");

        Assert.Equal(forShort, forLong);
        var shown = await browser.GetAsync("/admin/forgot-password");
        Assert.DoesNotContain(new string('b', 200), shown.Html);
    }

    [Theory]
    [MemberData(nameof(AnonymousForms))]
    public async Task Every_anonymous_form_answers_an_oversized_body_with_413_whether_or_not_it_gives_a_length(string path)
    {
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var body = "Input.Email=" + new string('x', 100_000);

        using var withLength = await client.PostAsync(path, new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"));
        using var chunkedContent = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes(body)));
        chunkedContent.Headers.ContentType = new("application/x-www-form-urlencoded");
        using var chunkedRequest = new HttpRequestMessage(HttpMethod.Post, path) { Content = chunkedContent };
        chunkedRequest.Headers.TransferEncodingChunked = true;
        using var chunked = await client.SendAsync(chunkedRequest);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withLength.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
    }

    [Fact]
    public async Task A_form_that_is_not_anonymous_is_not_held_to_the_small_limit()
    {
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        using var response = await client.PostAsync("/admin/logout",
            new StringContent("x=" + new string('x', 100_000), Encoding.ASCII, "application/x-www-form-urlencoded"));

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}");
    }

    [Fact]
    public async Task A_normal_reset_request_still_works()
    {
        using var browser = app.NewBrowser();

        var answered = await browser.SubmitAsync(await browser.GetAsync("/admin/forgot-password"), fields: [("Input.Email", "small@staff.test")]);

        Assert.Equal(HttpStatusCode.OK, answered.Status);
        Assert.Contains(ForgotPasswordModel.Sent, answered.Text);
    }
}
