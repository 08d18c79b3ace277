using System.ComponentModel.DataAnnotations;

namespace ProgramPortal.Areas.Admin;

/// <summary>List-valued content (a track's growth areas, a program's pathways) is edited as one item per line.</summary>
public static class Lines
{
    public static List<string> Split(string? text) =>
        [.. (text ?? "").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)];

    public static string Join(IEnumerable<string> items) => string.Join("\n", items);
}

/// <summary>Marks a one-item-per-line field (shown as a text area) and limits its items' number and length.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class LinesAttribute(int maxItems, int maxLength) : DataTypeAttribute(DataType.MultilineText)
{
    public int MinItems { get; init; }

    public override bool IsValid(object? value)
    {
        var items = Lines.Split(value as string);
        return items.Count >= MinItems && items.Count <= maxItems && items.All(item => item.Length <= maxLength);
    }

    public override string FormatErrorMessage(string name) =>
        $"{name}: write {(MinItems > 0 ? $"{MinItems} to " : "up to ")}{maxItems} items, one per line, each at most {maxLength} characters.";
}
