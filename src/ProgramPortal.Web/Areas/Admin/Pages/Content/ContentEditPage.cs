using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProgramPortal.Data;
using ProgramPortal.Editing;

namespace ProgramPortal.Areas.Admin.Pages.Content;

/// <summary>What the shared edit layout (Shared/_EditLayout.cshtml) reads from any content edit page.</summary>
public interface IContentEditor
{
    ContentType Type { get; }
    int? Id { get; }
    uint Version { get; }
    IReadOnlyList<FieldDifference> Conflict { get; }
}

/// <summary>
/// The add/edit flow every content type shares: load, validate, save with history, and refuse a
/// stale save with a side-by-side comparison. A type's page only maps its typed Input to and from
/// the entity and adds rules of its own.
/// </summary>
public abstract class ContentEditPage<TEntity, TInput>(PortalDbContext db, ContentHistory history) : PageModel, IContentEditor
    where TEntity : class
    where TInput : class, new()
{
    [BindProperty] public TInput Input { get; set; } = new();

    /// <summary>The row version the form was loaded with: saving against a newer one is a conflict.</summary>
    [BindProperty] public uint Version { get; set; }

    public int? Id { get; protected set; }
    public IReadOnlyList<FieldDifference> Conflict { get; private set; } = [];
    public ContentType Type { get; } = ContentTypes.For<TEntity>();

    protected PortalDbContext Db => db;
    protected ContentHistory History => history;

    protected abstract TEntity NewItem();
    protected abstract TInput ToInput(TEntity item);
    protected abstract void Apply(TInput input, TEntity item);

    /// <summary>Rules that need the database or the clock; add errors to ModelState.</summary>
    protected virtual Task ValidateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Loads what the form offers to choose from (such as the list of sources).</summary>
    protected virtual Task LoadChoicesAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is null)
        {
            if (Type.FixedSet)
            {
                return NotFound();
            }

            Input = ToInput(NewItem());
        }
        else
        {
            if (await Type.FindAsync(db, id.Value, cancellationToken) is not TEntity item)
            {
                return NotFound();
            }

            Input = ToInput(item);
            Version = ContentType.VersionOf(db, item);
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is null && Type.FixedSet)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            await ValidateAsync(cancellationToken);
        }

        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(cancellationToken);
        }

        TEntity item;
        if (id is null)
        {
            item = NewItem();
            Apply(Input, item);
            db.Add(item);
            if (Type.Orderable)
            {
                db.Entry(item).Property("SortOrder").CurrentValue = await Type.NextSortOrderAsync(db, cancellationToken);
            }

            history.Track(Type, item, ChangeAction.Created);
        }
        else if (await Type.FindAsync(db, id.Value, cancellationToken) is TEntity existing)
        {
            item = existing;
            history.Track(Type, item, ChangeAction.Updated);
            Apply(Input, item);
            // Always an UPDATE checked against the version the form was loaded with, even when only
            // linked items changed, so every save of a stale form is caught.
            var entry = db.Entry(item);
            entry.State = EntityState.Modified;
            entry.Property(nameof(Version)).OriginalValue = Version;
        }
        else
        {
            ModelState.AddModelError("", DeletedMeanwhile);
            return await RedisplayAsync(cancellationToken);
        }

        try
        {
            await history.SaveAsync(User.Identity!.Name!, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ShowConflictAsync(item, id!.Value, cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return await ShowClashAsync(cancellationToken);
        }

        // The title is not repeated: a status message travels in a cookie, and what people type does not belong there.
        this.SetStatus($"Saved the {Type.Singular}. {Type.SavedNote}");
        return Redirect(Type.ListUrl);
    }

    private string DeletedMeanwhile =>
        $"Someone deleted this {Type.Singular} while you were editing. Your values are still in the form: "
        + "copy what you need, or bring the item back from its history and edit it again.";

    /// <summary>
    /// Someone saved an item this one may not sit beside (a second template for the same email and
    /// track) after this form's checks ran. The checks run again, now seeing it, to say what clashes.
    /// </summary>
    private async Task<IActionResult> ShowClashAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await ValidateAsync(cancellationToken);
        if (ModelState.IsValid)
        {
            ModelState.AddModelError("", $"Someone saved a {Type.Singular} like this one just now, so this one was not saved. "
                + "Your values are still in the form: check the list, then save again or change them.");
        }

        return await RedisplayAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowConflictAsync(TEntity mine, int id, CancellationToken cancellationToken)
    {
        var yours = ContentSnapshot.Take(db.Entry(mine), Type.LinkedCollection);
        db.ChangeTracker.Clear();
        if (await Type.FindAsync(db, id, cancellationToken) is not TEntity current)
        {
            ModelState.AddModelError("", DeletedMeanwhile);
            return await RedisplayAsync(cancellationToken);
        }

        Conflict = ContentSnapshot.Compare(ContentSnapshot.Take(db.Entry(current), Type.LinkedCollection), yours);
        // The next save is deliberate: it may overwrite what the other person saved.
        ModelState.Remove(nameof(Version));
        Version = ContentType.VersionOf(db, current);
        ModelState.AddModelError("", $"Not saved: someone else saved this {Type.Singular} after you opened it. "
            + "Their values and yours are compared below, and your values are still in the form. "
            + "Adjust them if needed and save again to replace theirs.");
        return await RedisplayAsync(cancellationToken);
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }
}
