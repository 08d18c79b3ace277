using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramPortal.Identity;

namespace ProgramPortal.Areas.Admin.Pages.Staff;

public class EditModel(UserManager<StaffUser> users, StaffAccounts accounts) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public StaffUser Member { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } member)
        {
            return NotFound();
        }

        Member = member;
        Input = new InputModel { Roles = [.. await users.GetRolesAsync(member)] };
        return Page();
    }

    public Task<IActionResult> OnPostRolesAsync(string id) =>
        ActAsync(id, member => accounts.SetRolesAsync(member, Input.Roles, users.GetUserId(User)!), "Roles saved.");

    public Task<IActionResult> OnPostDisableAsync(string id) =>
        ActAsync(id, member => accounts.SetDisabledAsync(member, true, users.GetUserId(User)!), "The account is disabled: it can no longer sign in.");

    public Task<IActionResult> OnPostEnableAsync(string id) =>
        ActAsync(id, member => accounts.SetDisabledAsync(member, false, users.GetUserId(User)!), "The account is enabled again.");

    public Task<IActionResult> OnPostResetTwoFactorAsync(string id) =>
        ActAsync(id, accounts.ResetTwoFactorAsync, "Two-factor sign-in is reset: they sign in with their password and set up the app again.");

    private async Task<IActionResult> ActAsync(string id, Func<StaffUser, Task<IdentityResult>> action, string done)
    {
        if (await users.FindByIdAsync(id) is not { } member)
        {
            return NotFound();
        }

        var result = await action(member);
        this.SetStatus(result.Succeeded ? done : string.Join(" ", result.Errors.Select(e => e.Description)));
        return RedirectToPage(new { id });
    }

    public sealed record InputModel
    {
        public List<string> Roles { get; set; } = [];
    }
}
