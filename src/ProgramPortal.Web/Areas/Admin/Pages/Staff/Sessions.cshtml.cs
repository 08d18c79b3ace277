using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;

namespace ProgramPortal.Areas.Admin.Pages.Staff;

/// <summary>Who is signed in where; an Admin ends a session and that browser is signed out at its next request.</summary>
public class SessionsModel(PortalDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Sessions = await (
                from session in db.StaffSessions.AsNoTracking()
                join user in db.Users on session.UserId equals user.Id
                where session.EndsAt > now && session.ExpiresAt > now
                orderby user.Email, session.StartedAt
                select new SessionRow(session.Id, user.Email!, session.StartedAt, session.LastSeenAt, session.IpAddress, session.UserAgent))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostEndAsync(long id, CancellationToken cancellationToken)
    {
        var ended = await db.StaffSessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        this.SetStatus(ended == 1
            ? "The session is ended: that browser is signed out at its next request."
            : "That session had already ended.");
        return RedirectToPage();
    }

    public sealed record SessionRow(long Id, string Email, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt,
        string? IpAddress, string? UserAgent)
    {
        private const int ShortAgent = 60;

        public string Browser => UserAgent is null ? "" : UserAgent.Length <= ShortAgent ? UserAgent : UserAgent[..ShortAgent] + "…";
    }
}
