using System.ComponentModel.DataAnnotations;

namespace ProgramPortal.Identity;

/// <summary>How long a staff sign-in lasts (section "StaffSessions").</summary>
public sealed class StaffSessionOptions
{
    public const string Section = "StaffSessions";

    /// <summary>Idle this long and the session ends; each request moves it on.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);

    /// <summary>A session ends this long after sign-in however active it is, so a stolen cookie does not live forever.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00",
        ErrorMessage = "StaffSessions:AbsoluteLifetime (StaffSessions__AbsoluteLifetime) must be between 00:05:00 and 7.00:00:00.")]
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);
}
