using System.ComponentModel.DataAnnotations;

namespace ProgramPortal.Identity;

/// <summary>How often the sign-in, two-factor and password forms may be posted (section "SignInLimits").</summary>
public sealed class SignInLimitOptions
{
    public const string Section = "SignInLimits";

    /// <summary>Posts to those forms per client (an IPv4 address or an IPv6 /64) within <see cref="Window"/>.</summary>
    [Range(1, 100_000)]
    public int PostsPerClient { get; set; } = 20;

    /// <summary>Posts naming one account (its email address, or the user in the two-factor step) within <see cref="Window"/>.</summary>
    [Range(1, 100_000)]
    public int PostsPerAccount { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Password-reset emails one account gets per hour, however often the form is sent.</summary>
    [Range(1, 100)]
    public int ResetEmailsPerHour { get; set; } = 3;
}
