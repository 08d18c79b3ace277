using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramPortal.Email;
using ProgramPortal.Hosting;
using ProgramPortal.Leads;

namespace ProgramPortal.Pages;

// RFC 8058 one-click requests come from mail providers with no cookies and no antiforgery token.
// The signed token in the URL is the only secret needed, so a forged post cannot do harm.
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[RequestSizeLimit(SmallForms.MaxBytes)]
public class UnsubscribeModel(UnsubscribeTokens tokens, LeadLifecycle lifecycle) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Done { get; private set; }
    public bool LinkIsValid { get; private set; } = true;

    // A GET only asks: link scanners and previews open links, and must not unsubscribe anyone.
    public void OnGet() => CheckLink(tokens.Read(Token) is not null);

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        Done = tokens.Read(Token) is { } leadId && await lifecycle.UnsubscribeAsync(leadId, cancellationToken);
        CheckLink(Done);
    }

    private void CheckLink(bool valid)
    {
        LinkIsValid = valid;
        if (!valid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
