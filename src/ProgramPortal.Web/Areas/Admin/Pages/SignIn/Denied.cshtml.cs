using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ProgramPortal.Areas.Admin.Pages.SignIn;

public class DeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
