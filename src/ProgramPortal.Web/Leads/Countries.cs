using System.Globalization;

namespace ProgramPortal.Leads;

public sealed record Country(string Code, string Name);

/// <summary>The countries a lead can choose, by ISO 3166 two-letter code, named in English.</summary>
public static class Countries
{
    public static readonly IReadOnlyList<Country> All = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(culture => new RegionInfo(culture.Name))
        .Where(region => region.TwoLetterISORegionName.Length == 2 && region.TwoLetterISORegionName.All(char.IsAsciiLetterUpper))
        .DistinctBy(region => region.TwoLetterISORegionName)
        .Select(region => new Country(region.TwoLetterISORegionName, region.EnglishName))
        .OrderBy(country => country.Name, StringComparer.Ordinal)
        .ToList();

    private static readonly Dictionary<string, string> Names = All.ToDictionary(c => c.Code, c => c.Name);

    public static bool IsKnown(string? code) => code is not null && Names.ContainsKey(code);

    public static string NameOf(string code) => Names.GetValueOrDefault(code, code);
}
