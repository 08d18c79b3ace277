using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProgramPortal.Data;

namespace ProgramPortal.Leads.Privacy;

/// <summary>
/// The retention policy, run daily by Hangfire: erases every lead whose latest inquiry is older than
/// <see cref="RetentionOptions.Months"/> and deletes quarantined inquiries that old (suspected spam
/// that no one released). Safe to run twice: erased leads are skipped, and batches keep each
/// transaction short at any number of leads.
/// </summary>
public sealed class EraseExpiredLeadsJob(
    PortalDbContext db,
    LeadEraser eraser,
    TimeProvider clock,
    IOptions<RetentionOptions> options,
    ILogger<EraseExpiredLeadsJob> logger)
{
    public const string RecurringJobId = "erase-expired-leads";
    private const int BatchSize = 500;

    /// <summary>Returns how many leads were erased.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var months = options.Value.Months;
        var cutoff = clock.GetUtcNow().AddMonths(-months);
        var erasedBy = $"Retention policy ({months} months)";
        var erased = 0;
        while (true)
        {
            var batch = await db.Leads
                .Where(l => l.ErasedAt == null && l.LastInquiryAt < cutoff)
                .OrderBy(l => l.Id).Select(l => l.Id).Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            erased += await eraser.EraseAsync(batch, ErasureReason.Retention, erasedBy, cancellationToken);
        }

        var spam = await db.Inquiries.Where(i => i.LeadId == null && i.SubmittedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Retention: erased {Erased} leads and deleted {Spam} quarantined inquiries older than {Cutoff:u}",
            erased, spam, cutoff);
        return erased;
    }
}
