using Microsoft.EntityFrameworkCore;

namespace ProgramPortal.Tests.Infrastructure;

public static class ContentLookups
{
    public static async Task<int> CareerRoleIdAsync(this PortalApp app, string title)
    {
        await using var db = app.NewDbContext();
        return await db.CareerRoles.Where(r => r.Title == title).Select(r => r.Id).SingleAsync();
    }
}
