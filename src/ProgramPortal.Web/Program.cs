using ProgramPortal.Data;
using ProgramPortal.Editing;
using ProgramPortal.Email;
using ProgramPortal.Hosting;
using ProgramPortal.Identity;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalData();
builder.AddStaffIdentity();
builder.AddEmail();
builder.AddPublicSite();
builder.AddProductionHosting();
builder.AddContentEditing();

var app = builder.Build();

if (await app.RunVerbAsync(args) is { } exitCode)
{
    return exitCode;
}

if (!await app.HasMigratedDatabaseAsync())
{
    return 3;
}

app.UseProductionHosting();
app.UsePublicSite();
app.MapHealthChecks(HealthProbe.Path);
app.MapRazorPages();
await app.RunAsync();
return 0;

public partial class Program;
