using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ProgramPortal.Areas.Admin;

/// <summary>The one-line confirmation the admin layout shows after a redirect ("Saved …").</summary>
public static class StatusMessage
{
    public static void SetStatus(this PageModel page, string message) => page.TempData["StatusMessage"] = message;
}
