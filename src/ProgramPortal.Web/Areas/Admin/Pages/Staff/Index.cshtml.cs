using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;

namespace ProgramPortal.Areas.Admin.Pages.Staff;

public class IndexModel(PortalDbContext db) : PageModel
{
    public IReadOnlyList<StaffView> Staff { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        Staff = [.. users.Select(u => new StaffView(u.Id, u.Email!, u.DisplayName,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order()],
            u.TwoFactorEnabled, u.IsDisabled, u.PasswordHash is null))];
    }

    public sealed record StaffView(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles,
        bool TwoFactor, bool Disabled, bool InvitationPending);
}
