using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ProgramPortal.Editing;

/// <summary>
/// An item's editable values as JSON, read from EF Core's model so every content type (and any
/// added later) is covered without a hand-written mapping. The key and the row version are left
/// out; the linked collection a type names (a role's sources) is kept as the ids it points to.
/// </summary>
public static class ContentSnapshot
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static string Take(EntityEntry entry, string? linkedCollection)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in EditableProperties(entry))
        {
            values[property.Name] = entry.Property(property.Name).CurrentValue;
        }

        if (linkedCollection is not null)
        {
            values[linkedCollection] = LinkedIds(entry, linkedCollection);
        }

        return JsonSerializer.Serialize(values, Json);
    }

    /// <summary>Writes a snapshot's values back onto a tracked item, loading linked items by id.</summary>
    public static async Task ApplyAsync(DbContext db, EntityEntry entry, string snapshot, string? linkedCollection,
        CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(snapshot);
        foreach (var property in EditableProperties(entry))
        {
            if (document.RootElement.TryGetProperty(property.Name, out var value))
            {
                entry.Property(property.Name).CurrentValue = value.Deserialize(property.ClrType, Json);
            }
        }

        if (linkedCollection is not null && document.RootElement.TryGetProperty(linkedCollection, out var ids))
        {
            var navigation = entry.Collection(linkedCollection);
            var targetType = navigation.Metadata.TargetEntityType.ClrType;
            var items = (IList)navigation.CurrentValue!;
            items.Clear();
            foreach (var id in ids.EnumerateArray().Select(i => i.GetInt32()))
            {
                // A linked item deleted since then is skipped; the caller's rules decide whether that is acceptable.
                if (await db.FindAsync(targetType, [id], cancellationToken) is { } linked)
                {
                    items.Add(linked);
                }
            }
        }
    }

    /// <summary>A snapshot as field label and display text, in the snapshot's order.</summary>
    public static IReadOnlyList<(string Field, string Value)> Read(string? snapshot)
    {
        if (snapshot is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(snapshot);
        return [.. document.RootElement.EnumerateObject().Select(p => (p.Name, Display(p.Value)))];
    }

    /// <summary>The fields whose values differ between two snapshots, with both values.</summary>
    public static IReadOnlyList<FieldDifference> Compare(string? left, string? right)
    {
        var leftValues = Read(left).ToDictionary(v => v.Field, v => v.Value);
        var rightValues = Read(right).ToDictionary(v => v.Field, v => v.Value);
        return [.. leftValues.Keys.Union(rightValues.Keys)
            .Select(field => new FieldDifference(Label(field),
                leftValues.GetValueOrDefault(field, ""), rightValues.GetValueOrDefault(field, "")))
            .Where(d => d.Left != d.Right)];
    }

    /// <summary>"MedianSalary" becomes "Median salary"; a few names read better spelled out.</summary>
    public static string Label(string field) => field switch
    {
        "IsText" => "IS column",
        "ItText" => "IT column",
        "IsContributions" => "IS contributions",
        "ItContributions" => "IT contributions",
        "SourceId" => "Source (id)",
        "Sources" => "Sources (ids)",
        "Url" => "Web address",
        "StepId" => "Step (id)",
        "HtmlBody" => "HTML body",
        "TextBody" => "Plain-text body",
        "Delay" => "Delay (days.hours:minutes:seconds)",
        _ => string.Concat(field.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString())),
    };

    private static string Display(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "",
        JsonValueKind.Array => string.Join("; ", value.EnumerateArray().Select(Display)),
        JsonValueKind.Number => value.GetDecimal().ToString("#,0.##", CultureInfo.InvariantCulture),
        JsonValueKind.String => value.GetString() ?? "",
        _ => value.GetRawText(),
    };

    private static IEnumerable<Microsoft.EntityFrameworkCore.Metadata.IProperty> EditableProperties(EntityEntry entry) =>
        entry.Metadata.GetProperties().Where(p => !p.IsPrimaryKey() && !p.IsConcurrencyToken && !p.IsShadowProperty());

    private static List<int> LinkedIds(EntityEntry entry, string linkedCollection)
    {
        var navigation = entry.Collection(linkedCollection);
        var key = navigation.Metadata.TargetEntityType.FindPrimaryKey()!.Properties.Single();
        return [.. ((IEnumerable)navigation.CurrentValue!).Cast<object>()
            .Select(item => (int)entry.Context.Entry(item).Property(key.Name).CurrentValue!)
            .Order()];
    }
}

public sealed record FieldDifference(string Field, string Left, string Right);
