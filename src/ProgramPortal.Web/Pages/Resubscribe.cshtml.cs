using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgramPortal.Email;
using ProgramPortal.Hosting;
using ProgramPortal.Leads;

namespace ProgramPortal.Pages;

/// <summary>Where the link in the "do you want emails again?" message leads: it asks, and the button confirms.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[RequestSizeLimit(SmallForms.MaxBytes)]
public class ResubscribeModel(ResubscribeTokens tokens, LeadLifecycle lifecycle) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public bool Done { get; private set; }
    public bool LinkIsValid { get; private set; } = true;

    // A GET only asks: link scanners open links, and must not subscribe anyone.
    public void OnGet() => CheckLink(tokens.Read(Token) is not null);

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        Done = tokens.Read(Token) is { } leadId && await lifecycle.ResubscribeAsync(leadId, cancellationToken);
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
