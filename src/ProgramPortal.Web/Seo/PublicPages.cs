namespace ProgramPortal.Seo;

/// <summary>The pages search engines should index, in the order the sitemap lists them.</summary>
public static class PublicPages
{
    public static readonly IReadOnlyList<string> Paths =
        ["/", "/careers", "/compare", "/education", "/faq", "/sources", "/request-info"];
}
