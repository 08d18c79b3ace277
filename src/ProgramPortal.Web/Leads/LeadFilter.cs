using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProgramPortal.Hosting;

namespace ProgramPortal.Leads;

public enum LeadSort
{
    Newest,
    Oldest,
    Name,
    RecentlyActive,
}

/// <summary>
/// What staff chose to see in the lead list, read from the query string so a filtered view is a link
/// they can share. The list, its count and the exports all go through <see cref="Apply"/> and
/// <see cref="Sorted"/>, so an export holds exactly the leads the list showed.
/// </summary>
public sealed class LeadFilter
{
    public const int MaxSearchWords = 5;

    /// <summary>Words to find in the first name, last name or email address; every word must match.</summary>
    public string? Q { get; set; }
    /// <summary>First day the lead came in, inclusive, in the portal's time zone.</summary>
    public DateOnly? From { get; set; }
    /// <summary>Last day the lead came in, inclusive, in the portal's time zone.</summary>
    public DateOnly? To { get; set; }
    public LeadStatus? Status { get; set; }
    public TrackInterest? Track { get; set; }
    /// <summary>An ISO 3166 two-letter code; an unknown one is ignored.</summary>
    public string? Country { get; set; }
    /// <summary>The UTM source of the lead's first inquiry, exactly.</summary>
    public string? Source { get; set; }
    public LeadSort Sort { get; set; }

    // Control characters (PostgreSQL refuses a NUL in text) and broken UTF-16 are dropped, as in tracking values.
    internal IReadOnlyList<string> SearchWords =>
        LeadInputRules.CleanTracking(Q, 300) is { } text
            ? [.. text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(MaxSearchWords)
                .Select(word => word[..Math.Min(word.Length, LeadLimits.Email)])]
            : [];

    private string? KnownCountry => Country?.Trim().ToUpperInvariant() is { } code && Countries.IsKnown(code) ? code : null;

    private string? CleanSource => LeadInputRules.CleanTracking(Source, LeadLimits.Tracking);

    /// <summary>The leads this filter selects; days are read in the portal's time zone, as the list shows them.</summary>
    public IQueryable<Lead> Apply(IQueryable<Lead> leads, PortalTime time)
    {
        foreach (var word in SearchWords)
        {
            var pattern = "%" + EscapeLike(word) + "%";
            leads = leads.Where(l => EF.Functions.ILike(l.FirstName, pattern, @"\")
                || EF.Functions.ILike(l.LastName, pattern, @"\")
                || EF.Functions.ILike(l.Email, pattern, @"\"));
        }

        if (From is { } from)
        {
            var start = time.StartOf(from);
            leads = leads.Where(l => l.CreatedAt >= start);
        }

        if (To is { } to && to < DateOnly.MaxValue)
        {
            var end = time.StartOf(to.AddDays(1));
            leads = leads.Where(l => l.CreatedAt < end);
        }

        if (Status is { } status)
        {
            leads = leads.Where(l => l.Status == status);
        }

        if (Track is { } track)
        {
            leads = leads.Where(l => l.Track == track);
        }

        if (KnownCountry is { } country)
        {
            leads = leads.Where(l => l.CountryCode == country);
        }

        if (CleanSource is { } source)
        {
            leads = leads.Where(l => l.UtmSource == source);
        }

        return leads;
    }

    /// <summary>The chosen order, with the id as tie-breaker so pages and exports never repeat or skip a row.</summary>
    public IOrderedQueryable<Lead> Sorted(IQueryable<Lead> leads) => Sort switch
    {
        LeadSort.Oldest => leads.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id),
        LeadSort.Name => leads.OrderBy(l => l.LastName).ThenBy(l => l.FirstName).ThenBy(l => l.Id),
        LeadSort.RecentlyActive => leads.OrderByDescending(l => l.LastInquiryAt).ThenByDescending(l => l.Id),
        _ => leads.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id),
    };

    /// <summary>The filter's query-string values, leaving out what is not set, in a fixed order.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Values()
    {
        var values = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values.Add(KeyValuePair.Create(key, (string?)value.Trim()));
            }
        }

        Add("q", string.Join(' ', SearchWords));
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("status", Status?.ToString());
        Add("track", Track?.ToString());
        Add("country", KnownCountry);
        Add("source", CleanSource);
        Add("sort", Sort == LeadSort.Newest ? null : Sort.ToString());
        return values;
    }

    /// <summary>"?status=New&amp;track=IT", or "" for every lead.</summary>
    public string ToQueryString(params (string Key, string Value)[] extra) =>
        QueryString.Create(Values().Concat(extra.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value)))).ToUriComponent();

    /// <summary>The filter in plain words, for the export log and the page heading.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (SearchWords.Count > 0)
        {
            parts.Add(DescribeSearch(SearchWords));
        }

        if (From is not null || To is not null)
        {
            parts.Add($"came in {(From is { } f ? $"from {f:yyyy-MM-dd} " : "")}{(To is { } t ? $"to {t:yyyy-MM-dd}" : "")}".TrimEnd());
        }

        if (Status is { } status)
        {
            parts.Add($"status {status}");
        }

        if (Track is { } track)
        {
            parts.Add($"track {track.Describe()}");
        }

        if (KnownCountry is { } country)
        {
            parts.Add($"country {Countries.NameOf(country)}");
        }

        if (CleanSource is { } source)
        {
            parts.Add($"source \"{source}\"");
        }

        var filter = parts.Count == 0 ? "All leads" : "Leads with " + string.Join(", ", parts);
        return $"{filter}; sorted by {DescribeSort(Sort)}";
    }

    internal static string DescribeSearch(IEnumerable<string> words) => $"search \"{string.Join(' ', words)}\"";

    public static string DescribeSort(LeadSort sort) => sort switch
    {
        LeadSort.Oldest => "oldest first",
        LeadSort.Name => "last name",
        LeadSort.RecentlyActive => "latest inquiry first",
        _ => "newest first",
    };

    private static string EscapeLike(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '%' or '_' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}

/// <summary>
/// The indexes behind the lead list at a million rows: one per sort order (with the id, so a page is
/// read straight off the index), trigram indexes for the name and email search, and the filters.
/// </summary>
internal static class LeadListIndexes
{
    public static void Configure(EntityTypeBuilder<Lead> lead)
    {
        lead.HasIndex(l => new { l.CreatedAt, l.Id });
        lead.HasIndex(l => new { l.LastInquiryAt, l.Id });
        lead.HasIndex(l => new { l.LastName, l.FirstName, l.Id });
        lead.HasIndex(l => l.CountryCode);
        lead.HasIndex(l => l.UtmSource);
        lead.HasIndex(l => l.FirstName, "ix_leads_first_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        lead.HasIndex(l => l.LastName, "ix_leads_last_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        lead.HasIndex(l => l.Email, "ix_leads_email_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
