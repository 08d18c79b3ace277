using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;

namespace ProgramPortal.Content;

/// <summary>
/// The content a fresh install shows. It is written once, into an empty database: staff own the
/// content from then on, so a later migrate or restart never touches what they edited.
/// </summary>
public static class ContentSeed
{
    public static async Task<bool> SeedIfEmptyAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.Programs.AnyAsync(cancellationToken))
        {
            return false;
        }

        var bls = new Source
        {
            Name = "Occupational Outlook Handbook and Employment Projections",
            Publisher = "U.S. Bureau of Labor Statistics",
            Url = "https://www.bls.gov/ooh/",
            RetrievedOn = new DateOnly(2025, 12, 1),
            UsedFor = "Median salary figures and job-market statistics",
            SortOrder = 1,
        };
        var glassdoor = new Source
        {
            Name = "Glassdoor salary data",
            Publisher = "Glassdoor",
            Url = "https://www.glassdoor.com/Salaries/",
            RetrievedOn = new DateOnly(2025, 12, 1),
            UsedFor = "Median salary figures",
            SortOrder = 2,
        };
        db.Sources.AddRange(bls, glassdoor);

        db.Programs.Add(Program());
        db.Statistics.AddRange(Statistics(bls));
        db.Tracks.AddRange(Tracks());
        db.ComparisonRows.AddRange(ComparisonRows());
        db.CareerRoles.AddRange(CareerRoles([bls, glassdoor]));
        db.CommonRoles.AddRange(CommonRoles());
        db.SharedSkills.AddRange(SharedSkills());
        db.CollaborationExamples.Add(FraudDetection());
        db.EducationPaths.AddRange(EducationPaths());
        db.PathQuestions.AddRange(PathQuestions());
        db.FaqItems.AddRange(Faq());

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static StudyProgram Program() => new()
    {
        Name = "Master of Science in Information Technology Leadership",
        ShortName = "MS-ITL",
        University = "University of San Diego",
        Format = "Online",
        MinimumDurationMonths = 20,
        Summary = "A fully online master's degree for technology professionals who want to move from "
            + "running systems to leading the people, budgets and strategy behind them.",
        Pathways = ["Applied data science", "Artificial intelligence", "Cybersecurity"],
        AdmissionNote = "Designed for working professionals with at least two years of experience in an "
            + "IT-related field, such as network and systems support, server operations or DevOps.",
    };

    private static IEnumerable<Statistic> Statistics(Source bls) =>
    [
        new()
        {
            Label = "Openings per year in technology-related occupations",
            Value = 317_700, Unit = StatisticUnit.Count,
            Period = "Each year through 2034", Source = bls, SortOrder = 1,
        },
        new()
        {
            Label = "Projected job growth for computer and information systems managers",
            Value = 15, Unit = StatisticUnit.Percent,
            Period = "Through 2033", Source = bls, SortOrder = 2,
        },
    ];

    private static IEnumerable<TrackProfile> Tracks() =>
    [
        new()
        {
            Code = TrackCode.IS, Name = "Information Systems", SortOrder = 1,
            Purpose = "Putting information to strategic use across an organisation.",
            CoreComponents = ["People", "Processes", "Data", "Hardware", "Software"],
            Responsibilities = ["Data security", "Reducing data risk", "Business continuity"],
            Example = "A manufacturer joins readings from IoT sensors with its maintenance history and "
                + "runs machine-learning analytics over both, so it can see which machines are about to "
                + "fail and book repairs before they do.",
        },
        new()
        {
            Code = TrackCode.IT, Name = "Information Technology", SortOrder = 2,
            Purpose = "Keeping operations efficient and data processing secure.",
            CoreComponents = ["Networks", "Servers", "Devices", "Software"],
            CoreAreas = ["Hardware", "Software", "Databases", "Networks"],
            GrowthAreas = ["Cybersecurity", "Cloud infrastructure", "DevOps"],
            Responsibilities = ["Installing systems and applications, keeping them running and up to date"],
            Example = "An IT team moves a company's servers to cloud infrastructure, hardens the network "
                + "against attack and automates releases so that updates reach every device safely.",
        },
    ];

    private static IEnumerable<ComparisonRow> ComparisonRows()
    {
        (string Category, string? Is, string? It)[] rows =
        [
            ("Primary focus",
                "People, processes, data and technology, combined to support decisions and strategy",
                "Designing, maintaining and securing the technical infrastructure"),
            ("Skills",
                "Business analysis, systems design, data management, project management, organisational strategy",
                "Networking, database administration, programming, cybersecurity, systems engineering, server management"),
            ("Common courses",
                "Management Information Systems, Business Analytics, Database Management, Enterprise Systems, IT Project Management",
                "Computer Networks, Operating Systems, Software Engineering, Cybersecurity Fundamentals, Cloud Computing"),
            ("Common job titles",
                "Business analyst, data analyst, systems analyst, ERP consultant, information systems manager, CIO",
                "Network administrator, systems engineer, database administrator, cybersecurity analyst, IT manager, CIO"),
            ("Salary range", null, null),
            ("Leadership potential",
                "Director of information systems, CIO, chief data officer",
                "IT manager, director of IT, CIO, CTO"),
        ];
        return rows.Select((row, index) => new ComparisonRow
        {
            Category = row.Category,
            Kind = row.Is is null ? ComparisonRowKind.SalaryRange : ComparisonRowKind.Text,
            IsText = row.Is,
            ItText = row.It,
            SortOrder = index + 1,
        });
    }

    private static IEnumerable<CareerRole> CareerRoles(List<Source> salarySources)
    {
        (TrackCode Track, CareerLevel Level, string Title, decimal Median, string Description)[] roles =
        [
            (TrackCode.IT, CareerLevel.Entry, "IT Support", 73_000,
                "Keeps colleagues working by answering tickets, setting up devices and fixing everyday hardware and software problems."),
            (TrackCode.IT, CareerLevel.Entry, "Technician", 61_000,
                "Installs, tests and repairs equipment and cabling, and keeps an inventory of the devices in use."),
            (TrackCode.IT, CareerLevel.Entry, "Web Developer", 98_000,
                "Builds and maintains an organisation's websites and web applications, from page layout to the code behind them."),
            (TrackCode.IT, CareerLevel.Mid, "Security Engineer", 167_000,
                "Designs the defences of networks and systems, watches for intrusions and leads the response when one happens."),
            (TrackCode.IT, CareerLevel.Mid, "DevOps Engineer", 142_000,
                "Automates how software is built, tested and released, and keeps the infrastructure it runs on reliable."),
            (TrackCode.IT, CareerLevel.Mid, "Database Administrator (DBA)", 104_620,
                "Keeps databases fast, backed up and secure, and plans their capacity as the data grows."),
            (TrackCode.IT, CareerLevel.Senior, "IT Director", 165_000,
                "Runs the IT department: its budget, its staff and the services the rest of the organisation relies on."),
            (TrackCode.IT, CareerLevel.Senior, "IT Program Manager", 176_000,
                "Steers a portfolio of related technology projects so they land on time, on budget and in step with each other."),
            (TrackCode.IT, CareerLevel.Senior, "Director of Information Security", 278_000,
                "Owns the security strategy, sets policy and answers to leadership for how well the organisation's data is protected."),
            (TrackCode.IS, CareerLevel.Entry, "Help Desk Technician", 64_000,
                "First point of contact for users with a problem: diagnoses it, solves what can be solved and routes the rest."),
            (TrackCode.IS, CareerLevel.Entry, "Systems Analyst", 103_000,
                "Studies how a business works and specifies the systems changes that would help it work better."),
            (TrackCode.IS, CareerLevel.Entry, "IS Technician", 83_000,
                "Supports the information systems that departments use every day, from configuration to user training."),
            (TrackCode.IS, CareerLevel.Mid, "Business Analyst", 105_000,
                "Turns business needs into clear requirements and checks that the delivered system meets them."),
            (TrackCode.IS, CareerLevel.Mid, "Database Manager", 106_000,
                "Decides how the organisation's data is structured, governed and made available to the people who need it."),
            (TrackCode.IS, CareerLevel.Mid, "IS Project Lead", 161_000,
                "Leads the teams that roll out new information systems, balancing scope, schedule and the people affected."),
            (TrackCode.IS, CareerLevel.Senior, "Director of Information Systems", 175_000,
                "Sets the direction for the organisation's information systems and makes sure they serve its strategy."),
            (TrackCode.IS, CareerLevel.Senior, "Information Systems Architect", 166_000,
                "Designs how the organisation's systems and data fit together, so new pieces slot in without breaking old ones."),
            (TrackCode.IS, CareerLevel.Senior, "Chief Information Officer (CIO)", 300_000,
                "The executive accountable for information and technology across the whole organisation, and a voice for it at board level."),
        ];
        return roles.Select((role, index) => new CareerRole
        {
            Track = role.Track,
            Level = role.Level,
            Title = role.Title,
            MedianSalary = role.Median,
            Description = role.Description,
            SortOrder = index + 1,
            Sources = [.. salarySources],
        });
    }

    private static IEnumerable<CommonRole> CommonRoles()
    {
        (string Title, FieldLeaning Leaning)[] roles =
        [
            ("Project Manager", FieldLeaning.Both),
            ("Systems Analyst", FieldLeaning.IS),
            ("Database Administrator", FieldLeaning.Both),
            ("Business Analyst", FieldLeaning.IS),
            ("IT Auditor", FieldLeaning.IT),
            ("Technical Support / Operations Lead", FieldLeaning.IT),
        ];
        return roles.Select((role, index) => new CommonRole { Title = role.Title, Leaning = role.Leaning, SortOrder = index + 1 });
    }

    private static IEnumerable<SharedSkill> SharedSkills()
    {
        (string Name, string Description)[] skills =
        [
            ("Networks, data flows and information architecture",
                "Knowing how information moves between systems and how it is organised once it arrives."),
            ("Technical literacy",
                "A working grasp of hardware, software and basic programming, enough to reason about what a system can do."),
            ("Communication and teamwork",
                "Explaining technical choices to non-specialists and working across departments to deliver them."),
            ("Data management and digital business operations",
                "Keeping data accurate and useful, and understanding the digital processes that run the business."),
            ("Problem solving and troubleshooting",
                "Breaking a fault or a business problem into parts and testing causes until the real one is found."),
        ];
        return skills.Select((skill, index) => new SharedSkill { Name = skill.Name, Description = skill.Description, SortOrder = index + 1 });
    }

    private static CollaborationExample FraudDetection() => new()
    {
        Title = "Fraud detection at a financial-services firm",
        Scenario = "Stopping fraudulent transactions takes both fields: IT secures the ground the data "
            + "travels over, while IS decides what the data means and who acts on it.",
        ItContributions = ["Firewalls", "Identity verification", "Endpoint protection", "Network monitoring"],
        IsContributions = ["Transaction workflows", "Risk data", "Dashboards for fraud analysts", "Regulatory compliance"],
    };

    private static IEnumerable<EducationPath> EducationPaths() =>
    [
        new()
        {
            Track = TrackCode.IT, Stage = EducationStage.Bachelors, SortOrder = 1,
            Options = ["Computer science", "Software engineering", "Data science", "Analytics"],
        },
        new()
        {
            Track = TrackCode.IT, Stage = EducationStage.Masters, SortOrder = 2,
            Options = ["MS in Information Technology Leadership (MS-ITL)"],
            Note = "Graduate study that deepens cloud, cybersecurity and enterprise infrastructure skills.",
        },
        new()
        {
            Track = TrackCode.IT, Stage = EducationStage.Certifications, SortOrder = 3,
            Options = ["CompTIA A+", "CompTIA Network+", "Cisco CCNA"],
        },
        new()
        {
            Track = TrackCode.IS, Stage = EducationStage.Bachelors, SortOrder = 4,
            Options = ["Computer science", "Management information systems", "Business administration"],
        },
        new()
        {
            Track = TrackCode.IS, Stage = EducationStage.Masters, SortOrder = 5,
            Options = ["MS in Information Systems (MSIS)", "MS in Information Technology Leadership (MS-ITL)"],
        },
        new()
        {
            Track = TrackCode.IS, Stage = EducationStage.Certifications, SortOrder = 6,
            Options = ["CISSP", "CISA", "CRISC"],
        },
    ];

    private static IEnumerable<PathQuestion> PathQuestions()
    {
        (string Topic, string Guidance)[] questions =
        [
            ("Career interests",
                "Do you light up when you fix a network or tune a server, or when you redesign how a team uses its data? The first points to IT, the second to IS."),
            ("Long-term goals",
                "Picture the job you want in ten years. Technical leadership such as a CTO or director of IT grows out of IT; roles shaping business strategy, such as a chief data officer, grow out of IS."),
            ("Educational preferences",
                "IT study leans on networks, operating systems and programming; IS study mixes technology with analytics, management and enterprise systems. Choose the coursework you would enjoy."),
            ("Flexibility",
                "IS roles more often allow hybrid or remote work, while many IT support roles need you on site with the equipment. Weigh how and where you want to work."),
        ];
        return questions.Select((q, index) => new PathQuestion { Topic = q.Topic, Guidance = q.Guidance, SortOrder = index + 1 });
    }

    private static IEnumerable<FaqItem> Faq()
    {
        (string Question, string Answer)[] items =
        [
            ("What is the difference between information systems and information technology?",
                "IT is about the technology itself: building, running and securing networks, servers and devices. IS is about using that technology and the data it holds to help an organisation make decisions and reach its goals."),
            ("How long does the MS-ITL take?",
                "You can finish the degree in as little as 20 months."),
            ("Is the program online?",
                "Yes. The whole program is delivered online, so you can keep working while you study."),
            ("How much experience do I need?",
                "The program is built for people with at least two years in an IT-related job, for example network and systems support, server operations or DevOps."),
            ("Which specialisations can I choose?",
                "Three pathways are offered: applied data science, artificial intelligence and cybersecurity."),
        ];
        return items.Select((item, index) => new FaqItem { Question = item.Question, Answer = item.Answer, SortOrder = index + 1 });
    }
}
