using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;
using ProgramPortal.Leads;

namespace ProgramPortal.Areas.Admin.Pages.Leads;

/// <summary>Form submissions held as suspected spam; staff release the genuine ones, which become leads.</summary>
public class QuarantineModel(PortalDbContext db, LeadIntake intake) : PageModel
{
    private const int Shown = 200;

    public IReadOnlyList<HeldInquiry> Held { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var held = db.Inquiries.AsNoTracking().Where(i => i.SpamReason != null && i.ReleasedAt == null);
        Total = await held.CountAsync(cancellationToken);
        Held = await held.OrderByDescending(i => i.SubmittedAt).ThenByDescending(i => i.Id).Take(Shown)
            .Select(i => new HeldInquiry(i.Id, i.SubmittedAt, i.FirstName + " " + i.LastName, i.Email, i.CountryCode, i.Message, i.SpamReason!))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostReleaseAsync(int inquiryId, CancellationToken cancellationToken)
    {
        var outcome = await intake.ReleaseAsync(inquiryId, cancellationToken);
        this.SetStatus(outcome switch
        {
            null => "That inquiry was not held any more (someone may have released it already).",
            IntakeOutcome.NewLead => "Released: it is now a new lead, and its follow-up emails are scheduled.",
            IntakeOutcome.AwaitingConfirmation => "Released. Its address had unsubscribed, so it is asked by email whether it wants "
                + "our emails again; they start only if the person confirms.",
            _ => "Released: it joined the existing lead for the same address.",
        });
        return RedirectToPage();
    }

    public sealed record HeldInquiry(int Id, DateTimeOffset SubmittedAt, string Name, string Email, string CountryCode,
        string? Message, string Reason);
}
