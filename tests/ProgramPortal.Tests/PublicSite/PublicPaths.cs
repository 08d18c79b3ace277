namespace ProgramPortal.Tests.PublicSite;

/// <summary>The public pages this test suite holds the site to, listed here rather than read from the app.</summary>
public static class PublicPaths
{
    /// <summary>Pages rendered from the program content in the database.</summary>
    public static readonly string[] All = ["/", "/careers", "/compare", "/education", "/faq", "/sources"];

    /// <summary>Every public page a visitor can land on, including the request-information form.</summary>
    public static readonly string[] EveryPage = [.. All, "/request-info"];

    public static TheoryData<string> Each => new(All);

    public static TheoryData<string> EachPage => new(EveryPage);
}
