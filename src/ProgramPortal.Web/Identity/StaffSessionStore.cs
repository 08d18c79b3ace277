using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProgramPortal.Data;

namespace ProgramPortal.Identity;

/// <summary>
/// Keeps staff sign-ins in PostgreSQL (<see cref="StaffSession"/>) instead of in the cookie, so
/// signing out, an Admin ending a session, or disabling the account ends it for good, on every
/// instance; a copied cookie is worth nothing once its row is gone.
/// </summary>
public sealed class StaffSessionStore(IServiceScopeFactory scopes, TimeProvider time, IOptions<StaffSessionOptions> options)
    : ITicketStore
{
    // Last-seen times are written at most this often, not on every admin request.
    private static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(1);

    public static Task EndAllAsync(PortalDbContext db, string userId) =>
        db.StaffSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync();

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreNewAsync(ticket, null, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        StoreNewAsync(ticket, null, cancellationToken);

    public Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        StoreNewAsync(ticket, httpContext, cancellationToken);

    private async Task<string> StoreNewAsync(AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // Cleaning up at each sign-in keeps the table to live sessions without a job of its own.
        await db.StaffSessions.Where(s => s.EndsAt <= now || s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var session = new StaffSession
        {
            Key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32)),
            UserId = UserIdOf(ticket),
            StartedAt = now,
            LastSeenAt = now,
            ExpiresAt = ticket.Properties.ExpiresUtc ?? now + StaffSessionOptions.IdleTimeout,
            EndsAt = now + options.Value.AbsoluteLifetime,
            IpAddress = httpContext?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = httpContext?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent
                ? agent[..Math.Min(agent.Length, StaffSession.UserAgentLength)]
                : null,
            Ticket = TicketSerializer.Default.Serialize(ticket),
        };
        db.StaffSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var userId = UserIdOf(ticket);
        var serialized = TicketSerializer.Default.Serialize(ticket);
        var expires = ticket.Properties.ExpiresUtc ?? now + StaffSessionOptions.IdleTimeout;
        var endsForNewUser = now + options.Value.AbsoluteLifetime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // Someone else signing in in the same browser renews the session it had: that is a new
        // sign-in, with its own start and absolute end.
        await db.StaffSessions.Where(s => s.Key == key).ExecuteUpdateAsync(set => set
            .SetProperty(s => s.StartedAt, s => s.UserId == userId ? s.StartedAt : now)
            .SetProperty(s => s.EndsAt, s => s.UserId == userId ? s.EndsAt : endsForNewUser)
            .SetProperty(s => s.UserId, userId)
            .SetProperty(s => s.LastSeenAt, now)
            .SetProperty(s => s.ExpiresAt, expires)
            .SetProperty(s => s.Ticket, serialized), cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var session = await db.StaffSessions.AsNoTracking()
            .Where(s => s.Key == key)
            .Select(s => new { s.EndsAt, s.LastSeenAt, s.Ticket })
            .SingleOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return null;
        }

        if (session.EndsAt <= now)
        {
            await db.StaffSessions.Where(s => s.Key == key).ExecuteDeleteAsync(cancellationToken);
            return null;
        }

        if (now - session.LastSeenAt >= LastSeenPrecision)
        {
            await db.StaffSessions.Where(s => s.Key == key)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSeenAt, now), cancellationToken);
        }

        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.StaffSessions.Where(s => s.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    private static string UserIdOf(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("A staff sign-in without a user id cannot be stored.");
}
