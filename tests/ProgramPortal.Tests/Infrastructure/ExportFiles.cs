using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>Reads exports back with independent readers: CsvHelper's parser and the Open XML SDK.</summary>
public static class ExportFiles
{
    public static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public static async Task<byte[]> DownloadAsync(this StaffBrowser browser, string url, string expectedContentType)
    {
        using var response = await browser.Client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} gave {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        Assert.StartsWith(expectedContentType, response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return body;
    }

    public static List<string[]> ReadCsv(byte[] file)
    {
        Assert.True(file.AsSpan().StartsWith(Utf8Bom), "The CSV does not start with a UTF-8 byte-order mark");
        using var reader = new StreamReader(new MemoryStream(file), Encoding.UTF8);
        using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Record!);
        }

        return rows;
    }

    /// <summary>
    /// The first worksheet's cells as text; numbers as the invariant text of their value. An export
    /// never holds a formula, so finding one fails the test here.
    /// </summary>
    public static List<string[]> ReadXlsx(byte[] file)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), isEditable: false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList();
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        Assert.Empty(sheet.Descendants<CellFormula>());
        return [.. sheet.Descendants<Row>().Select(row => row.Elements<Cell>().Select(cell => Text(cell, shared)).ToArray())];
    }

    public static DateTime FromExcelDate(string value) => DateTime.FromOADate(double.Parse(value, CultureInfo.InvariantCulture));

    private static string Text(Cell cell, List<string>? shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return shared![int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)];
        }

        return cell.CellValue?.Text ?? "";
    }
}
