using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ProgramPortal.Data;
using ProgramPortal.Email;
using ProgramPortal.Identity;
using ProgramPortal.Leads;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Admin;

/// <summary>
/// Two people add the same kind of item at the same moment: both forms pass their checks, and the
/// database's unique index refuses the second save. That person gets the form back with what clashes.
/// </summary>
public class SimultaneousAddTests(SimultaneousAddTests.ColleagueApp app) : IClassFixture<SimultaneousAddTests.ColleagueApp>
{
    [Fact]
    public async Task A_template_a_colleague_added_for_the_same_email_and_track_a_moment_earlier_is_named_and_nothing_typed_is_lost()
    {
        await using var db = app.NewDbContext();
        var confirmation = await app.StepIdAsync(EmailSequenceSeed.Confirmation);
        Assert.DoesNotContain(await db.EmailTemplates.Where(t => t.StepId == confirmation).Select(t => t.Track).ToListAsync(),
            track => track == TrackInterest.IT);
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        var form = await editor.GetAsync($"/admin/content/email-templates/edit?step={confirmation}");

        // The colleague's template is committed after this form's checks, just before its own insert.
        app.ColleagueSavesFirst = async () =>
        {
            await using var colleague = app.NewDbContext();
            colleague.EmailTemplates.Add(new EmailTemplate
            {
                StepId = confirmation, Track = TrackInterest.IT,
                Subject = "Colleague's subject", HtmlBody = "<p>Theirs</p>", TextBody = "Theirs",
            });
            await colleague.SaveChangesAsync();
        };
        var refused = await editor.SubmitAsync(form, fields:
        [
            ("Input.Track", "IT"), ("Input.Wording.Subject", "{{track}}, my subject"),
            ("Input.Wording.HtmlBody", "<p>Mine</p>"), ("Input.Wording.TextBody", "Mine"),
        ]);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("already has a template for Information Technology (IT). Edit that one instead.",
            refused.FieldError("Input.Track"));
        Assert.Equal("{{track}}, my subject",
            refused.Document.QuerySelector("input[name='Input.Wording.Subject']")!.GetAttribute("value"));
        var saved = await db.EmailTemplates.AsNoTracking()
            .Where(t => t.StepId == confirmation && t.Track == TrackInterest.IT).Select(t => t.Subject).ToListAsync();
        Assert.Equal(["Colleague's subject"], saved);
    }

    public sealed class ColleagueApp : LeadApp
    {
        private Func<Task>? _colleagueSavesFirst;

        /// <summary>Runs once, inside the next save that adds an email template, before its rows are sent.</summary>
        public Func<Task>? ColleagueSavesFirst { set => _colleagueSavesFirst = value; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.ConfigureDbContext<PortalDbContext>(
                options => options.AddInterceptors(new BeforeTemplateInsert(this))));
        }

        private sealed class BeforeTemplateInsert(ColleagueApp app) : SaveChangesInterceptor
        {
            public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
                InterceptionResult<int> result, CancellationToken cancellationToken = default)
            {
                if (eventData.Context!.ChangeTracker.Entries<EmailTemplate>().Any(e => e.State == EntityState.Added)
                    && Interlocked.Exchange(ref app._colleagueSavesFirst, null) is { } colleague)
                {
                    await colleague();
                }

                return result;
            }
        }
    }
}
