namespace ProgramPortal.Leads.Export;

/// <summary>
/// Protection against formula injection (CSV injection): a value a visitor typed, such as
/// =HYPERLINK("http://evil", "Click"), would run as a formula when staff open the export in Excel.
/// A leading single quote makes spreadsheets show the value as text; it is the one change made.
/// </summary>
public static class SpreadsheetText
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Neutralise(string? value) =>
        string.IsNullOrEmpty(value) ? "" : Array.IndexOf(FormulaStarts, value[0]) >= 0 ? "'" + value : value;
}
