using System.Data.Common;
using Hangfire;
using Hangfire.PostgreSql;
using Npgsql;
using ProgramPortal.Email;
using ProgramPortal.Leads.Privacy;

namespace ProgramPortal.Jobs;

/// <summary>
/// Hangfire's tables and the recurring jobs are put in place by the `migrate` step, like the app's
/// own schema. Done by every web instance at start, they raced: registering a recurring job takes a
/// Hangfire lock row, and an instance killed while holding it made the next start die waiting.
/// </summary>
public sealed class JobsSchema(IRecurringJobManager recurringJobs)
{
    public void Install(DbConnection openConnection)
    {
        PostgreSqlObjectsInstaller.Install((NpgsqlConnection)openConnection, JobsExtensions.SchemaName);
        recurringJobs.AddOrUpdate<SendDueEmailsJob>(
            SendDueEmailsJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        recurringJobs.AddOrUpdate<EraseExpiredLeadsJob>(
            EraseExpiredLeadsJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Daily(3));
    }
}
