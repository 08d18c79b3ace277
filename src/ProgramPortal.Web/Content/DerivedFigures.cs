using System.Globalization;

namespace ProgramPortal.Content;

/// <summary>A track's salary range: the lowest and highest median of its roles. Computed, never stored.</summary>
public readonly record struct SalaryRange(decimal Lowest, decimal Highest)
{
    public static SalaryRange? Of(IEnumerable<decimal> medians)
    {
        var list = medians.ToList();
        return list.Count == 0 ? null : new SalaryRange(list.Min(), list.Max());
    }

    public override string ToString() => $"{Money.Format(Lowest)} to {Money.Format(Highest)}";
}

public static class Money
{
    private static readonly CultureInfo UnitedStates = CultureInfo.GetCultureInfo("en-US");

    public static string Format(decimal amount) =>
        amount.ToString(decimal.Truncate(amount) == amount ? "C0" : "C2", UnitedStates);
}

/// <summary>
/// Turns the retrieval dates of the sources behind a set of figures into the "as of Month Year"
/// label. The oldest date wins: a page mixing a fresh and a stale source is only as current as the
/// stale one.
/// </summary>
public static class AsOf
{
    private static readonly CultureInfo UnitedStates = CultureInfo.GetCultureInfo("en-US");

    public static string? Label(IEnumerable<DateOnly> retrievedDates)
    {
        var dates = retrievedDates.ToList();
        return dates.Count == 0 ? null : MonthYear(dates.Min());
    }

    public static string MonthYear(DateOnly date) => date.ToString("MMMM yyyy", UnitedStates);
}
