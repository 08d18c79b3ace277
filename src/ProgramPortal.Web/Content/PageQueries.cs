using Microsoft.EntityFrameworkCore;
using ProgramPortal.Data;

namespace ProgramPortal.Content;

public static class PageQueries
{
    /// <summary>
    /// A public page renders with at most two database round trips, and EF Core sends one command
    /// per query. Lists that do not relate to each other are therefore selected as subqueries of
    /// the program's one row: a single command, however many lists the page needs.
    /// </summary>
    public static IQueryable<StudyProgram> ProgramRow(this PortalDbContext db) =>
        db.Programs.AsNoTracking().OrderBy(p => p.Id).Take(1);
}
