using System.Globalization;
using System.Text.RegularExpressions;
using ProgramPortal.Leads;

namespace ProgramPortal.Email;

/// <summary>
/// A {{name}} staff can write in a template, what it stands for, and where its value comes from.
/// <paramref name="Typed"/>: the value is what the person typed into the form, so it can say anything.
/// </summary>
public sealed record Placeholder(string Name, string Meaning, Func<Lead, Inquiry?, string>? Value = null, bool Typed = false)
{
    public string Token => "{{" + Name + "}}";
}

/// <summary>
/// The placeholders of email templates: the one list the composer fills in, the editor checks
/// against and the admin pages show as help, so they cannot disagree.
/// </summary>
public static partial class TemplatePlaceholders
{
    /// <summary>Filled in by the composer from the signed link, in emails to the lead only.</summary>
    public const string UnsubscribeUrl = "unsubscribe_url";

    /// <summary>Filled in by the composer, in the portal's time zone.</summary>
    public const string SubmittedAt = "submitted_at";

    public static readonly IReadOnlyList<Placeholder> All =
    [
        new("first_name", "The person's first name", (lead, _) => lead.FirstName, Typed: true),
        new("last_name", "The person's last name", (lead, _) => lead.LastName, Typed: true),
        new("full_name", "First and last name", (lead, _) => lead.FullName, Typed: true),
        new("email", "Their email address", (lead, _) => lead.Email, Typed: true),
        new("phone", "Their phone number, or “(not given)”", (lead, _) => lead.Phone ?? "(not given)", Typed: true),
        new("country", "Their country", (lead, _) => Countries.NameOf(lead.CountryCode)),
        new("track", "The field they are interested in, such as “Information Systems (IS)”", (lead, _) => lead.Track.Describe()),
        new("start_term", "When they want to start, such as “Fall 2027”", (lead, _) => lead.StartTerm),
        new("years_experience", "Their years of IT experience", (lead, _) => lead.YearsOfExperience.ToString(CultureInfo.InvariantCulture)),
        new("message", "The message they wrote, or “(none)”", (_, latest) => latest?.Message ?? "(none)", Typed: true),
        new("utm_source", "Campaign source of their visit, or “(none)”", (_, latest) => latest?.UtmSource ?? "(none)", Typed: true),
        new("utm_medium", "Campaign medium of their visit, or “(none)”", (_, latest) => latest?.UtmMedium ?? "(none)", Typed: true),
        new("utm_campaign", "Campaign name of their visit, or “(none)”", (_, latest) => latest?.UtmCampaign ?? "(none)", Typed: true),
        new("referrer", "The page they came from, or “(none)”", (_, latest) => latest?.Referrer ?? "(none)", Typed: true),
        new("came_from", "Where their visit came from in one line, such as “source linkedin, campaign fall” or “No campaign”",
            (_, latest) => latest?.CameFrom ?? "No campaign", Typed: true),
        new(SubmittedAt, "When they last asked, in the portal's time zone (named)"),
        new("lead_id", "The lead's number in the portal", (lead, _) => lead.Id.ToString(CultureInfo.InvariantCulture)),
        new(UnsubscribeUrl, "The link that stops these emails (emails to the lead only; every such email gets one at the bottom anyway)"),
    ];

    public static Dictionary<string, string> ValuesFor(Lead lead)
    {
        var latest = lead.Inquiries.MaxBy(i => i.SubmittedAt);
        return All.Where(p => p.Value is not null).ToDictionary(p => p.Name, p => p.Value!(lead, latest));
    }

    /// <summary>
    /// Replaces known placeholders (HTML-encoding the values for the HTML part); leaves unknown ones as
    /// written. The HTML part must be sanitised first (<see cref="EmailHtml.Sanitize"/>), which leaves
    /// placeholders only in text and in double-quoted links, where encoding these four is enough.
    /// </summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> values, bool html) =>
        Known().Replace(template, match =>
            values.TryGetValue(match.Groups[1].Value, out var value)
                ? html ? EncodeText(value).ReplaceLineEndings("<br>") : value
                : match.Value);

    private static string EncodeText(string value) =>
        value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    /// <summary>
    /// A subject line: only the portal's own details are filled in, and what the person typed is left
    /// out, so nobody can make the university send their words as the title of an email. The editor
    /// refuses such placeholders in subjects; this keeps a subject written another way just as clean.
    /// </summary>
    public static string RenderSubject(string template, IReadOnlyDictionary<string, string> values) =>
        Spaces().Replace(Known().Replace(template, match =>
            All.FirstOrDefault(p => p.Name == match.Groups[1].Value) is { Typed: true } ? ""
            : values.GetValueOrDefault(match.Groups[1].Value, match.Value)), " ").Trim();

    /// <summary>
    /// What is wrong with the placeholders of a text, in words for staff: names that do not exist
    /// (a typo would reach the lead as written), a link only lead emails have, unmatched braces.
    /// </summary>
    public static IReadOnlyList<string> Problems(string text, EmailAudience audience, bool subject = false)
    {
        var problems = new List<string>();
        foreach (var name in Written().Matches(text).Select(m => m.Groups[1].Value.Trim()).Distinct())
        {
            if (All.FirstOrDefault(p => p.Name == name) is not { } placeholder)
            {
                problems.Add($"{{{{{name}}}}} is not a placeholder the portal knows. Use one from the list below (lower case, with underscores).");
            }
            else if (subject && placeholder.Typed)
            {
                problems.Add($"{{{{{name}}}}} is what the person typed, and a subject never carries that: anyone could make it say anything "
                    + "in the university's name. In subjects use only the portal's own details, such as {{track}}, {{start_term}} or {{lead_id}}.");
            }
            else if (name == UnsubscribeUrl && audience != EmailAudience.Lead)
            {
                problems.Add($"{{{{{UnsubscribeUrl}}}}} only works in emails to the lead, not in notes to the admissions inbox.");
            }
        }

        var rest = Written().Replace(text, "");
        if (rest.Contains("{{") || rest.Contains("}}"))
        {
            problems.Add("A placeholder is missing a brace: write each one as two opening and two closing braces, such as {{first_name}}.");
        }

        return problems;
    }

    [GeneratedRegex(@" {2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\{\{\s*([a-z_]+)\s*\}\}")]
    private static partial Regex Known();

    // Anything between double braces, so "{{First Name}}" is reported rather than sent as written.
    [GeneratedRegex(@"\{\{([^{}]*)\}\}")]
    private static partial Regex Written();
}
