using System.Globalization;

namespace ProgramPortal.Leads;

/// <summary>The start terms a prospective student can pick: the next six term starts, and "not sure".</summary>
public static class StartTerms
{
    public const string NotSure = "Not sure yet";
    private const int TermsOffered = 6;

    private static readonly (int Month, string Name)[] Starts = [(1, "Spring"), (5, "Summer"), (9, "Fall")];

    public static IReadOnlyList<string> Offered(DateTimeOffset now)
    {
        var terms = new List<string>(TermsOffered + 1);
        for (var year = now.Year; terms.Count < TermsOffered; year++)
        {
            foreach (var (month, name) in Starts)
            {
                // A term that has already begun is no longer a start the person can plan for.
                if ((year, month).CompareTo((now.Year, now.Month)) > 0 && terms.Count < TermsOffered)
                {
                    terms.Add($"{name} {year.ToString(CultureInfo.InvariantCulture)}");
                }
            }
        }

        terms.Add(NotSure);
        return terms;
    }
}
