using ProgramPortal.Data;
using ProgramPortal.Editing;
using ProgramPortal.Email;
using ProgramPortal.Hosting;
using ProgramPortal.Identity;
using ProgramPortal.Jobs;
using ProgramPortal.Leads;
using ProgramPortal.Seo;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalData();
builder.AddStaffIdentity();
// Before AddJobs: hosted services stop in reverse order, and emails in flight must outlast Hangfire.
builder.AddEmail();
builder.AddPublicSite();
builder.AddProductionHosting();
builder.AddContentEditing();
builder.AddJobs();
builder.AddLeads();
builder.AddLeadsAdmin();

var app = builder.Build();

if (await app.RunVerbAsync(args) is { } exitCode)
{
    return exitCode;
}

if (!await app.HasMigratedDatabaseAsync())
{
    return 3;
}

app.UseSecurityHeaders();
app.UseProductionHosting();
app.UsePublicSite();
app.MapJobsDashboard();
app.MapHealthChecks(HealthProbe.Path);
// Fingerprinted static files with year-long immutable caching; WithStaticAssets makes Razor's
// asp-append-version links point at the fingerprinted names.
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapSeoEndpoints();
await app.RunAsync();
return 0;

public partial class Program;
