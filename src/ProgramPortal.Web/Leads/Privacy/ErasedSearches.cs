using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;

namespace ProgramPortal.Leads.Privacy;

/// <summary>A name and address an erased lead went by, on the lead or on one of its inquiries.</summary>
public sealed record ErasedPerson(string FirstName, string LastName, string Email);

/// <summary>
/// The export log keeps each export's filter, and the search typed there may be the very name or
/// address of a lead erased later. Such a search is redacted; the rest of the record (who, when,
/// the other filters, the row count) stays. A search matches a person the way the leads list does:
/// every word is found in their first name, last name or email address.
/// </summary>
internal static class ErasedSearches
{
    public static async Task RedactAsync(PortalDbContext db, IReadOnlyCollection<ErasedPerson> people,
        CancellationToken cancellationToken)
    {
        // Exports are staff actions, a few a day: those with a search are few enough to check here.
        var withSearch = await db.LeadExports.Where(e => e.Filter.Contains("q=")).ToListAsync(cancellationToken);
        foreach (var export in withSearch)
        {
            var query = QueryHelpers.ParseQuery(export.Filter);
            var words = new LeadFilter { Q = query.TryGetValue("q", out var q) ? q.ToString() : null }.SearchWords;
            if (words.Count == 0 || !people.Any(person => words.All(word => Mentions(person, word))))
            {
                continue;
            }

            export.Filter = QueryString.Create(query.Select(pair =>
                KeyValuePair.Create(pair.Key, (string?)(pair.Key == "q" ? LeadEraser.Placeholder : pair.Value.ToString())))).ToUriComponent();
            export.FilterDescription = export.FilterDescription.Replace(
                LeadFilter.DescribeSearch(words), LeadFilter.DescribeSearch([LeadEraser.Placeholder]));
        }
    }

    private static bool Mentions(ErasedPerson person, string word) =>
        person.FirstName.Contains(word, StringComparison.OrdinalIgnoreCase)
        || person.LastName.Contains(word, StringComparison.OrdinalIgnoreCase)
        || person.Email.Contains(word, StringComparison.OrdinalIgnoreCase);
}
