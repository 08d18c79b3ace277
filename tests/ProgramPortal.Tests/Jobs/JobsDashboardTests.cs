using System.Net;
using System.Security.Claims;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ProgramPortal.Identity;
using ProgramPortal.Jobs;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Jobs;

public class JobsDashboardTests(LeadApp app) : IClassFixture<LeadApp>
{
    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_instead_of_the_jobs_dashboard()
    {
        using var response = await app.NewBrowser(followRedirects: false).GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/login", response.Headers.Location!.AbsolutePath);
        Assert.DoesNotContain("Hangfire", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(StaffRoles.Admin, true)]
    [InlineData(StaffRoles.Editor, false)]
    [InlineData(StaffRoles.Admissions, false)]
    [InlineData(null, false)]
    public async Task Only_the_admin_role_is_let_in(string? role, bool allowed)
    {
        var identity = role is null
            ? new ClaimsIdentity()
            : new ClaimsIdentity([new Claim(ClaimTypes.Name, "staff@example.com"), new Claim(ClaimTypes.Role, role)], "test");
        var http = new DefaultHttpContext { User = new ClaimsPrincipal(identity), RequestServices = app.Services };
        var context = new AspNetCoreDashboardContext(
            app.Services.GetRequiredService<JobStorage>(), new DashboardOptions(), http);

        Assert.Equal(allowed, await new AdminOnlyDashboardAuthorization().AuthorizeAsync(context));
    }
}
