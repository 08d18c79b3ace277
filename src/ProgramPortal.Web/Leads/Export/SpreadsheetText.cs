namespace ProgramPortal.Leads.Export;

/// <summary>
/// Protection against formula injection (CSV injection): a value a visitor typed, such as
/// =HYPERLINK("http://evil", "Click"), would run as a formula when staff open a CSV export in Excel.
/// A leading single quote makes spreadsheets show the value as text; it is the one change made.
/// Only CSV needs it: an XLSX string cell is never evaluated, so there the quote would only show.
/// </summary>
public static class SpreadsheetText
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Neutralise(string? value) =>
        string.IsNullOrEmpty(value) ? "" : Array.IndexOf(FormulaStarts, value[0]) >= 0 ? "'" + value : value;
}
