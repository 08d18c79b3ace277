using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;
using ProgramPortal.Email;
using ProgramPortal.Leads;
using ProgramPortal.Leads.Privacy;

namespace ProgramPortal.Areas.Admin.Pages.Leads;

/// <summary>A lead's whole story: its details, consent, inquiries, emails and notes; staff set its status and add notes.</summary>
public class DetailsModel(PortalDbContext db, LeadLifecycle lifecycle, TimeProvider clock) : PageModel
{
    [BindProperty] public NoteInput Note { get; set; } = new();

    public Lead Lead { get; private set; } = null!;
    public IReadOnlyList<EmailView> Emails { get; private set; } = [];
    public LeadErasure? Erasure { get; private set; }

    /// <summary>The name the latest inquiry gave, when it is not the one the lead keeps.</summary>
    public string? LatestName =>
        Lead.Inquiries.FirstOrDefault() is { } latest && $"{latest.FirstName} {latest.LastName}" != Lead.FullName
            ? $"{latest.FirstName} {latest.LastName}"
            : null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStatusAsync(int id, [FromForm] LeadStatus? status, CancellationToken cancellationToken)
    {
        var current = await db.Leads.Where(l => l.Id == id).Select(l => new { l.Status, l.ErasedAt }).FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        if (status is not { } chosen || current.ErasedAt is not null)
        {
            this.SetStatus(current.ErasedAt is null ? "Choose a status." : "This lead's data was erased; its status stays as it is.");
            return RedirectToPage(new { id });
        }

        if (chosen != current.Status)
        {
            await lifecycle.SetStatusAsync(id, chosen, cancellationToken);
            await AddNoteAsync(id, $"Status changed from {current.Status} to {chosen}.", cancellationToken);
        }

        this.SetStatus(chosen == LeadStatus.Closed
            ? "The lead is closed. Follow-up emails not sent yet are cancelled."
            : $"Status: {chosen}.");
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostNoteAsync(int id, CancellationToken cancellationToken)
    {
        var erased = await db.Leads.Where(l => l.Id == id).Select(l => (bool?)(l.ErasedAt != null)).FirstOrDefaultAsync(cancellationToken);
        if (erased is null)
        {
            return NotFound();
        }

        if (erased.Value)
        {
            ModelState.AddModelError("Note.Text", "This lead's data was erased; no notes can be added.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        await AddNoteAsync(id, Note.Text!.Trim(), cancellationToken);
        this.SetStatus("Note added.");
        return RedirectToPage(new { id });
    }

    private async Task AddNoteAsync(int leadId, string text, CancellationToken cancellationToken)
    {
        db.LeadNotes.Add(new LeadNote { LeadId = leadId, Author = User.Identity!.Name!, WrittenAt = clock.GetUtcNow(), Text = text });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var lead = await db.Leads.AsNoTracking()
            .Include(l => l.Inquiries.OrderByDescending(i => i.SubmittedAt).ThenByDescending(i => i.Id))
            .Include(l => l.Notes.OrderByDescending(n => n.WrittenAt).ThenByDescending(n => n.Id))
            .AsSplitQuery()
            .FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (lead is null)
        {
            return false;
        }

        Lead = lead;
        Emails = await db.LeadEmails.AsNoTracking().Where(e => e.LeadId == id)
            .OrderBy(e => e.DueAt).ThenBy(e => e.Id)
            .Select(e => new EmailView(e.Step != null ? e.Step.Name : ResubscribeConfirmation, e.Step != null ? e.Step.Audience : EmailAudience.Lead,
                e.ToAddress, e.Status, e.DueAt, e.SentAt, e.CancelledAt,
                e.Attempts, e.LastError, e.CancelReason))
            .ToListAsync(cancellationToken);
        Erasure = lead.ErasedAt is null
            ? null
            : await db.LeadErasures.AsNoTracking().Where(e => e.LeadId == id).OrderBy(e => e.ErasedAt).FirstOrDefaultAsync(cancellationToken);
        return true;
    }

    private const string ResubscribeConfirmation = "Asked to confirm before emails start again (the address had unsubscribed)";

    public sealed record NoteInput
    {
        [Required(ErrorMessage = "Write the note first.")]
        [StringLength(LeadNote.MaxLength, ErrorMessage = "A note can be at most {1} characters.")]
        [PlainText(allowLineBreaks: true, ErrorMessage = "The note has characters that cannot be stored.")]
        [DataType(DataType.MultilineText)]
        [Display(Name = "New note", Description = "What was said or done: a call, a question answered. Signed with your name.")]
        public string? Text { get; set; }
    }

    public sealed record EmailView(string Step, EmailAudience Audience, string To, LeadEmailStatus Status, DateTimeOffset DueAt,
        DateTimeOffset? SentAt, DateTimeOffset? CancelledAt, int Attempts, string? LastError, string? CancelReason);
}
