using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace ProgramPortal.Hosting;

/// <summary>The time zone staff work in (section "Portal"); times are stored in UTC and shown in this zone.</summary>
public sealed class PortalTimeOptions : IValidatableObject
{
    public const string Section = "Portal";

    /// <summary>An IANA time zone id such as America/Los_Angeles (Portal__TimeZone).</summary>
    public string TimeZone { get; set; } = "America/Los_Angeles";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // HasIanaId refuses Windows names ("Pacific Standard Time"), which .NET on Linux would
        // otherwise accept, so the setting reads the same on every platform.
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? "", out var zone) || !zone.HasIanaId)
        {
            yield return new ValidationResult(
                $"Portal__TimeZone must be an IANA time zone id such as America/Los_Angeles or Europe/London; it is '{TimeZone}'.",
                [nameof(TimeZone)]);
        }
    }
}

/// <summary>
/// Converts stored UTC times into the portal's time zone for staff: admin pages, emails to the
/// admissions inbox and exports. Every place that shows a time to staff goes through here, so one
/// setting changes them all and the zone is always named.
/// </summary>
public sealed class PortalTime(IOptions<PortalTimeOptions> options)
{
    private const string Format = "yyyy-MM-dd HH:mm";

    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>The zone's IANA id, which is how staff see it named ("America/Los_Angeles").</summary>
    public string ZoneName => Zone.Id;

    /// <summary>The wall-clock time in the portal's zone, as a spreadsheet cell holds it.</summary>
    public DateTime Local(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone).DateTime;

    /// <summary>"2026-03-08 14:05", or "" for no time; pages name the zone once, in a heading or a note.</summary>
    public string Show(DateTimeOffset? time) =>
        time is { } t ? Local(t).ToString(Format, CultureInfo.InvariantCulture) : "";

    /// <summary>"2026-03-08 14:05 (America/Los_Angeles)": a time that stands alone, as in an email.</summary>
    public string ShowWithZone(DateTimeOffset time) => $"{Show(time)} ({ZoneName})";

    /// <summary>The calendar day a moment falls on in the portal's zone.</summary>
    public DateOnly Day(DateTimeOffset time) => DateOnly.FromDateTime(Local(time));

    /// <summary>The moment a day begins in the portal's zone; a midnight skipped by a clock change begins an hour later.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        var start = Zone.IsInvalidTime(midnight) ? midnight.AddHours(1) : midnight;
        return new DateTimeOffset(start, Zone.GetUtcOffset(start)).ToUniversalTime();
    }
}

public static class PortalTimeExtensions
{
    public static IServiceCollection AddPortalTime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortalTimeOptions>()
            .Bind(configuration.GetSection(PortalTimeOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<PortalTime>();
        return services;
    }
}
