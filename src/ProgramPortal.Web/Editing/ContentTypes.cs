using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Content;
using ProgramPortal.Data;

namespace ProgramPortal.Editing;

/// <summary>One row of an admin content list.</summary>
public sealed record ContentListItem(int Id, string Title, string? Detail);

/// <summary>
/// What the shared admin pages (list, reorder, delete, history, restore) need to know about one
/// content type. Each type also has its own typed edit page under Areas/Admin/Pages/Content.
/// </summary>
public abstract class ContentType(string slug, string plural, string singular)
{
    public string Slug { get; } = slug;
    public string Plural { get; } = plural;
    public string Singular { get; } = singular;
    /// <summary>Fixed sets (the one program, the two tracks) are edited in place, never added or removed.</summary>
    public bool FixedSet { get; init; }
    /// <summary>What the items are and where they show, in plain words: under the list's heading and on the content home page.</summary>
    public required string Help { get; init; }
    /// <summary>The sentence after "Saved …" and "Restored …": where the change now shows.</summary>
    public string SavedNote { get; init; } = "The public site shows it now.";

    public abstract Type EntityType { get; }
    public abstract bool Orderable { get; }
    /// <summary>The many-to-many collection that belongs to the item's values (a role's sources), if any.</summary>
    public abstract string? LinkedCollection { get; }

    public string ListUrl => $"/admin/content/{Slug}";
    public string EditUrl(int? id) => $"/admin/content/{Slug}/edit" + (id is null ? "" : $"/{id}");
    public string HistoryUrl(int id) => $"/admin/content/{Slug}/{id}/history";
    public string DeleteUrl(int id) => $"/admin/content/{Slug}/{id}/delete";
    /// <summary>The page that asks before restoring a version (a change's id or <see cref="ContentVersions.OriginalKey"/>).</summary>
    public string RestoreUrl(int id, string version) => $"/admin/content/{Slug}/{id}/restore/{version}";

    /// <summary>The item's row version: a save checked against it fails if anyone saved the item since.</summary>
    public static uint VersionOf(PortalDbContext db, object item) => (uint)db.Entry(item).Property("Version").CurrentValue!;

    public abstract string TitleOf(object item);
    public abstract Task<IReadOnlyList<ContentListItem>> ListAsync(PortalDbContext db, CancellationToken cancellationToken);
    public abstract Task<int> CountAsync(PortalDbContext db, CancellationToken cancellationToken);
    /// <summary>A tracked item with its linked collection loaded, or null.</summary>
    public abstract Task<object?> FindAsync(PortalDbContext db, int id, CancellationToken cancellationToken);
    /// <summary>All items, tracked, in display order (for moving one up or down).</summary>
    public abstract Task<IReadOnlyList<object>> OrderedAsync(PortalDbContext db, CancellationToken cancellationToken);
    public abstract Task<int> NextSortOrderAsync(PortalDbContext db, CancellationToken cancellationToken);

    /// <summary>Why the item cannot be deleted right now (figures that still cite a source), or nothing.</summary>
    public virtual Task<IReadOnlyList<string>> DeleteBlockersAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>
    /// Rules an earlier version must still meet to be restored, checked on the item holding its
    /// values (in the database it still has its current ones): why not, or nothing.
    /// </summary>
    public virtual Task<IReadOnlyList<string>> RestoreProblemsAsync(PortalDbContext db, object item, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>
    /// Called before a tracked item is removed: a type whose items own others (a step's templates)
    /// records their deletion too, so each can be restored from its own history.
    /// </summary>
    public virtual Task DeletingAsync(PortalDbContext db, ContentHistory history, object item, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}

public sealed class ContentType<T>(
    string slug, string plural, string singular,
    Func<T, string> title,
    Func<T, string?>? detail = null,
    Expression<Func<T, IEnumerable<object>>>? linked = null) : ContentType(slug, plural, singular)
    where T : class
{
    public Func<PortalDbContext, int, CancellationToken, Task<IReadOnlyList<string>>>? Blockers { get; init; }
    public Func<PortalDbContext, ContentHistory, T, CancellationToken, Task>? Deleting { get; init; }
    public Func<PortalDbContext, T, CancellationToken, Task<IReadOnlyList<string>>>? RestoreRules { get; init; }
    /// <summary>A reference the list's detail line needs (a template's step), loaded with the items.</summary>
    public Expression<Func<T, object?>>? Include { get; init; }
    /// <summary>The order of a list staff cannot reorder (steps by when they are sent); by id when not given.</summary>
    public Func<IQueryable<T>, IOrderedQueryable<T>>? ListOrder { get; init; }

    public override Type EntityType => typeof(T);
    public override bool Orderable { get; } = typeof(T).GetProperty(SortOrder) is not null;
    public override string? LinkedCollection { get; } = linked?.Body switch
    {
        MemberExpression member => member.Member.Name,
        UnaryExpression { Operand: MemberExpression member } => member.Member.Name,
        _ => null,
    };

    private const string SortOrder = "SortOrder";

    public override string TitleOf(object item) => title((T)item);

    public override async Task<IReadOnlyList<ContentListItem>> ListAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var items = await Query(db).AsNoTracking().ToListAsync(cancellationToken);
        return [.. items.Select(item => new ContentListItem(IdOf(db, item), title(item), detail?.Invoke(item)))];
    }

    public override Task<int> CountAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        db.Set<T>().CountAsync(cancellationToken);

    public override async Task<object?> FindAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        await Query(db).SingleOrDefaultAsync(item => EF.Property<int>(item, "Id") == id, cancellationToken);

    public override async Task<IReadOnlyList<object>> OrderedAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        await Query(db).ToListAsync(cancellationToken);

    public override async Task<int> NextSortOrderAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        Orderable ? (await db.Set<T>().MaxAsync(item => (int?)EF.Property<int>(item, SortOrder), cancellationToken) ?? 0) + 1 : 0;

    public override Task<IReadOnlyList<string>> DeleteBlockersAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        Blockers?.Invoke(db, id, cancellationToken) ?? base.DeleteBlockersAsync(db, id, cancellationToken);

    public override Task<IReadOnlyList<string>> RestoreProblemsAsync(PortalDbContext db, object item, CancellationToken cancellationToken) =>
        RestoreRules?.Invoke(db, (T)item, cancellationToken) ?? base.RestoreProblemsAsync(db, item, cancellationToken);

    public override Task DeletingAsync(PortalDbContext db, ContentHistory history, object item, CancellationToken cancellationToken) =>
        Deleting?.Invoke(db, history, (T)item, cancellationToken) ?? base.DeletingAsync(db, history, item, cancellationToken);

    private IQueryable<T> Query(PortalDbContext db)
    {
        IQueryable<T> query = db.Set<T>();
        if (LinkedCollection is not null)
        {
            query = query.Include(LinkedCollection);
        }

        if (Include is not null)
        {
            query = query.Include(Include);
        }

        return Orderable
            ? query.OrderBy(item => EF.Property<int>(item, SortOrder)).ThenBy(item => EF.Property<int>(item, "Id"))
            : ListOrder?.Invoke(query) ?? query.OrderBy(item => EF.Property<int>(item, "Id"));
    }

    private static int IdOf(PortalDbContext db, T item) => (int)db.Entry(item).Property("Id").CurrentValue!;
}

/// <summary>Every content type staff can edit, grouped and ordered as the content home page lists them.</summary>
public static class ContentTypes
{
    public static readonly IReadOnlyList<ContentType> PublicSite =
    [
        new ContentType<StudyProgram>("program", "Program facts", "program facts", p => p.Name, p => $"{p.Format}, {p.MinimumDurationMonths} months")
        {
            FixedSet = true, Help = "The degree's name, format, duration, summary and pathways shown on the home page.",
        },
        new ContentType<TrackProfile>("tracks", "Tracks (IS and IT)", "track", t => t.Name, t => t.Code.ToString())
        {
            FixedSet = true,
            Help = "What Information Systems and Information Technology are about, shown on the home, careers, compare and education pages.",
        },
        new ContentType<ComparisonRow>("comparison-rows", "IS vs IT comparison rows", "comparison row", r => r.Category,
            r => r.Kind == ComparisonRowKind.SalaryRange ? "Filled in from the career roles' salaries" : null)
        {
            Help = "The rows of the side-by-side table on the compare page. The salary range row is worked out from the career roles.",
        },
        new ContentType<CareerRole>("career-roles", "Career roles and salaries", "career role", r => r.Title,
            r => $"{r.Track} · {r.Level} · median {Money.Format(r.MedianSalary)}", r => r.Sources)
        {
            Help = "The jobs on the careers page, by field and level. Each role's median salary must name at least one source. "
                + "A track's salary range is worked out from these medians.",
        },
        new ContentType<Statistic>("statistics", "Statistics", "statistic", s => s.Label, s => s.DisplayValue)
        {
            Help = "Headline figures on the home page, such as openings per year. Each names the source it comes from.",
        },
        new ContentType<Source>("sources", "Sources", "source", s => $"{s.Publisher}: {s.Name}", s => $"retrieved {s.RetrievedOn:yyyy-MM-dd}")
        {
            Help = "The publications behind salaries and statistics, listed on the sources page. A source cannot be deleted while a figure cites it.",
            Blockers = SourceBlockersAsync,
        },
        new ContentType<CommonRole>("common-roles", "Roles common to both fields", "common role", r => r.Title, r => $"leans {r.Leaning}")
        {
            Help = "Jobs found in both fields, each with the field it leans to, on the careers page.",
        },
        new ContentType<SharedSkill>("skills", "Shared skills", "skill", s => s.Name)
        {
            Help = "The skills both fields need, on the compare page.",
        },
        new ContentType<CollaborationExample>("collaboration", "Collaboration example", "collaboration example", c => c.Title)
        {
            Help = "The example of both fields working together, on the careers page.",
        },
        new ContentType<EducationPath>("education-paths", "Education paths", "education path",
            p => $"{p.Track} {p.Stage}", p => string.Join(", ", p.Options))
        {
            Help = "The degrees and certifications that lead into each field, on the education page.",
        },
        new ContentType<PathQuestion>("path-questions", "Choosing-a-path questions", "question", q => q.Topic)
        {
            Help = "The questions that help a reader choose between the two fields, on the education page.",
        },
        new ContentType<FaqItem>("faq", "Frequently asked questions", "question", f => f.Question)
        {
            Help = "The questions and answers on the FAQ page.",
        },
    ];

    public static readonly IReadOnlyList<ContentType> FollowUpEmails = [EmailSequenceContent.Steps, EmailSequenceContent.Templates];

    public static readonly IReadOnlyList<ContentType> All = [.. PublicSite, .. FollowUpEmails];

    public static ContentType? Find(string? slug) => All.FirstOrDefault(t => t.Slug == slug);

    public static ContentType For<T>() => All.Single(t => t.EntityType == typeof(T));

    private static async Task<IReadOnlyList<string>> SourceBlockersAsync(PortalDbContext db, int id, CancellationToken cancellationToken)
    {
        var roles = await db.CareerRoles.Where(r => r.Sources.Any(s => s.Id == id))
            .OrderBy(r => r.SortOrder).Select(r => "Salary of " + r.Title).ToListAsync(cancellationToken);
        var statistics = await db.Statistics.Where(s => s.SourceId == id)
            .OrderBy(s => s.SortOrder).Select(s => "Statistic: " + s.Label).ToListAsync(cancellationToken);
        return [.. roles, .. statistics];
    }
}
