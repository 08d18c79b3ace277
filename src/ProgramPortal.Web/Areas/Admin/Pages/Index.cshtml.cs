using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramPortal.Editing;
using ProgramPortal.Identity;

namespace ProgramPortal.Areas.Admin.Pages;

public class IndexModel(SourceFreshness freshness) : PageModel
{
    public bool EditsContent { get; private set; }
    public IReadOnlyList<StaleSource> StaleSources { get; private set; } = [];
    public int MaxAgeMonths => freshness.MaxAgeMonths;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        EditsContent = StaffPolicies.MayEditContent(User);
        if (EditsContent)
        {
            StaleSources = await freshness.StaleSourcesAsync(cancellationToken);
        }
    }
}
