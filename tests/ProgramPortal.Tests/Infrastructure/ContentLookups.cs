using Microsoft.EntityFrameworkCore;

namespace ProgramPortal.Tests.Infrastructure;

public static class ContentLookups
{
    public static Task<int> CareerRoleIdAsync(this PortalApp app, string title) =>
        CareerRoleIdAsync(app.ConnectionString, title);

    /// <summary>The id of the email sequence step with this key (EmailSequenceSeed's constants).</summary>
    public static async Task<int> StepIdAsync(this PortalApp app, string key)
    {
        await using var db = app.NewDbContext();
        return await db.SequenceSteps.Where(s => s.Key == key).Select(s => s.Id).SingleAsync();
    }

    public static async Task<int> CareerRoleIdAsync(string connectionString, string title)
    {
        await using var db = EmptyDatabase.NewDbContext(connectionString);
        return await db.CareerRoles.Where(r => r.Title == title).Select(r => r.Id).SingleAsync();
    }
}
