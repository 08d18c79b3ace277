using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;
using ProgramPortal.Leads;

namespace ProgramPortal.Email;

/// <summary>
/// The follow-up sequence a fresh install starts with: a confirmation at once, a note to the
/// admissions inbox, and track-specific follow-ups after two and seven days. Written once into an
/// empty table; staff own the wording and delays after that. Subjects carry none of what the person
/// typed (see <see cref="TemplatePlaceholders.RenderSubject"/>).
/// </summary>
public static class EmailSequenceSeed
{
    public const string Confirmation = "confirmation";
    public const string AdmissionsNotice = "admissions-notice";
    public const string FirstFollowUp = "follow-up-1";
    public const string SecondFollowUp = "follow-up-2";

    public static async Task<bool> SeedIfEmptyAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.SequenceSteps.AnyAsync(cancellationToken))
        {
            return false;
        }

        db.SequenceSteps.AddRange(ConfirmationStep(), AdmissionsNoticeStep(), FirstFollowUpStep(), SecondFollowUpStep());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static SequenceStep ConfirmationStep() => new()
    {
        Key = Confirmation, Name = "Confirmation, sent at once", Audience = EmailAudience.Lead,
        Delay = TimeSpan.Zero, Position = 1,
        Templates =
        [
            new()
            {
                Subject = "We received your MS-ITL request",
                TextBody = """
                    Hello {{first_name}},

                    Thank you for asking about the Master of Science in Information Technology Leadership (MS-ITL) at the University of San Diego. Your request reached our admissions team.

                    What you told us:
                    - Area of interest: {{track}}
                    - Intended start: {{start_term}}
                    - Years of IT experience: {{years_experience}}

                    The MS-ITL is fully online and can be finished in as little as 20 months, with pathways in applied data science, artificial intelligence and cybersecurity. An admissions advisor will be in touch; you can also reply to this email with any question.

                    The MS-ITL Admissions team
                    """,
                HtmlBody = """
                    <p>Hello {{first_name}},</p>
                    <p>Thank you for asking about the <strong>Master of Science in Information Technology Leadership (MS-ITL)</strong> at the University of San Diego. Your request reached our admissions team.</p>
                    <p>What you told us:</p>
                    <ul><li>Area of interest: {{track}}</li><li>Intended start: {{start_term}}</li><li>Years of IT experience: {{years_experience}}</li></ul>
                    <p>The MS-ITL is fully online and can be finished in as little as 20 months, with pathways in applied data science, artificial intelligence and cybersecurity. An admissions advisor will be in touch; you can also reply to this email with any question.</p>
                    <p>The MS-ITL Admissions team</p>
                    """,
            },
        ],
    };

    private static SequenceStep AdmissionsNoticeStep() => new()
    {
        Key = AdmissionsNotice, Name = "New-lead note to the admissions inbox", Audience = EmailAudience.Admissions,
        Delay = TimeSpan.Zero, Position = 2,
        Templates =
        [
            new()
            {
                Subject = "New MS-ITL inquiry, lead {{lead_id}} ({{track}}, {{start_term}})",
                TextBody = """
                    A new lead asked for information.

                    Name: {{full_name}}
                    Email: {{email}}
                    Phone: {{phone}}
                    Country: {{country}}
                    Interest: {{track}}
                    Intended start: {{start_term}}
                    Years of IT experience: {{years_experience}}
                    Submitted: {{submitted_at}}
                    Came from: {{came_from}}

                    Message:
                    {{message}}

                    Lead number {{lead_id}}. Reply to this email to answer the lead directly.
                    """,
                HtmlBody = """
                    <p>A new lead asked for information.</p>
                    <table>
                    <tr><th align="left">Name</th><td>{{full_name}}</td></tr>
                    <tr><th align="left">Email</th><td>{{email}}</td></tr>
                    <tr><th align="left">Phone</th><td>{{phone}}</td></tr>
                    <tr><th align="left">Country</th><td>{{country}}</td></tr>
                    <tr><th align="left">Interest</th><td>{{track}}</td></tr>
                    <tr><th align="left">Intended start</th><td>{{start_term}}</td></tr>
                    <tr><th align="left">Years of IT experience</th><td>{{years_experience}}</td></tr>
                    <tr><th align="left">Submitted</th><td>{{submitted_at}}</td></tr>
                    <tr><th align="left">Came from</th><td>{{came_from}}</td></tr>
                    </table>
                    <p><strong>Message:</strong><br>{{message}}</p>
                    <p>Lead number {{lead_id}}. Reply to this email to answer the lead directly.</p>
                    """,
            },
        ],
    };

    private static SequenceStep FirstFollowUpStep() => new()
    {
        Key = FirstFollowUp, Name = "First follow-up, two days later", Audience = EmailAudience.Lead,
        Delay = TimeSpan.FromDays(2), Position = 3,
        Templates =
        [
            FollowUp(TrackInterest.IS, "Where Information Systems leadership can take you",
                "Information Systems is about putting information to strategic use: the people, processes, data, hardware and software an organisation runs on. IS leaders look after data security, data-risk mitigation and business continuity, and move towards roles such as director of information systems, CIO or chief data officer.",
                "The MS-ITL builds those leadership skills on top of the experience you already have, online and in as little as 20 months."),
            FollowUp(TrackInterest.IT, "Where IT leadership can take you",
                "Information Technology keeps an organisation's networks, servers, devices and software running efficiently and securely. Its fastest-growing areas are cybersecurity, cloud infrastructure and DevOps, and its leaders go on to roles such as IT manager, director of IT, CIO or CTO.",
                "The MS-ITL helps you move from running those systems to leading the teams, budgets and strategy behind them, online and in as little as 20 months."),
            FollowUp(TrackInterest.Undecided, "IS or IT: how to choose",
                "Information Systems focuses on how people, processes and data support decisions and strategy; Information Technology focuses on designing, running and securing the technical infrastructure. Both lead to senior roles, and many leaders work across the two.",
                "Four questions help: what work interests you, where you want to be in ten years, how you like to learn, and how much flexibility you need. The MS-ITL suits both paths."),
        ],
    };

    private static SequenceStep SecondFollowUpStep() => new()
    {
        Key = SecondFollowUp, Name = "Second follow-up, seven days later", Audience = EmailAudience.Lead,
        Delay = TimeSpan.FromDays(7), Position = 4,
        Templates =
        [
            FollowUp(TrackInterest.IS, "Planning your next step in Information Systems",
                "Professionals in Information Systems often grow from analyst roles into leading projects and, later, whole IS functions. The MS-ITL pathways in applied data science and artificial intelligence fit that route well.",
                "If you are thinking of starting in {{start_term}}, now is a good time to talk to an advisor about admission: reply to this email and we will set up a call."),
            FollowUp(TrackInterest.IT, "Planning your next step in IT leadership",
                "Professionals in IT often grow from support and engineering roles into running infrastructure and security teams. The MS-ITL cybersecurity pathway fits that route well.",
                "If you are thinking of starting in {{start_term}}, now is a good time to talk to an advisor about admission: reply to this email and we will set up a call."),
            FollowUp(TrackInterest.Undecided, "Still weighing IS against IT?",
                "You do not need to choose before you apply. The MS-ITL is built for professionals with at least two years of IT-related experience, and its pathways (applied data science, artificial intelligence, cybersecurity) let you lean towards either field as you go.",
                "An advisor can help you decide: reply to this email and we will set up a call."),
        ],
    };

    private static EmailTemplate FollowUp(TrackInterest track, string subject, string first, string second) => new()
    {
        Track = track,
        Subject = subject,
        TextBody = $"Hello {{{{first_name}}}},\n\n{first}\n\n{second}\n\nThe MS-ITL Admissions team\n",
        HtmlBody = $"<p>Hello {{{{first_name}}}},</p>\n<p>{first}</p>\n<p>{second}</p>\n<p>The MS-ITL Admissions team</p>\n",
    };
}
