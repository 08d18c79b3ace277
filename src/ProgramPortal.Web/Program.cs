using ProgramPortal.Data;
using ProgramPortal.Email;
using ProgramPortal.Hosting;
using ProgramPortal.Identity;
using ProgramPortal.Jobs;
using ProgramPortal.Leads;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalData();
builder.AddStaffIdentity();
builder.AddEmail();
builder.AddPublicSite();
builder.AddJobs();
builder.AddLeads();

var app = builder.Build();

if (await app.RunVerbAsync(args) is { } exitCode)
{
    return exitCode;
}

if (!await app.HasMigratedDatabaseAsync())
{
    return 3;
}

app.UsePublicSite();
app.UseLeadFollowUps();
app.MapJobsDashboard();
app.MapHealthChecks("/healthz");
app.MapRazorPages();
await app.RunAsync();
return 0;

public partial class Program;
