namespace ProgramPortal.Tests.PublicSite;

/// <summary>The public pages this test suite holds the site to, listed here rather than read from the app.</summary>
public static class PublicPaths
{
    public static readonly string[] All = ["/", "/careers", "/compare", "/education", "/faq", "/sources"];

    public static TheoryData<string> Each => new(All);
}
