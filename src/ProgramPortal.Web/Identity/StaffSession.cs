using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProgramPortal.Identity;

/// <summary>
/// A signed-in staff browser, kept on the server: the cookie holds only <see cref="Key"/>, so
/// deleting the row signs that browser out at its next request, on every instance.
/// </summary>
public class StaffSession
{
    public long Id { get; set; }

    /// <summary>The secret the cookie carries; <see cref="Id"/> names the session on admin pages instead.</summary>
    public string Key { get; set; } = "";

    public string UserId { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>The sliding end: idle this long and the session is over.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The absolute end, however active the session is.</summary>
    public DateTimeOffset EndsAt { get; set; }

    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }

    /// <summary>The authentication ticket (claims and properties), serialised.</summary>
    public byte[] Ticket { get; set; } = [];

    public const int UserAgentLength = 200;
}

public sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> session)
    {
        session.HasIndex(s => s.Key).IsUnique();
        session.HasIndex(s => s.UserId);
        session.Property(s => s.Key).HasMaxLength(64);
        session.Property(s => s.IpAddress).HasMaxLength(64);
        session.Property(s => s.UserAgent).HasMaxLength(StaffSession.UserAgentLength);
        session.HasOne<StaffUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
