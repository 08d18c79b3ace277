using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ProgramPortal.Content;
using ProgramPortal.Editing;
using ProgramPortal.Email;
using ProgramPortal.Identity;
using ProgramPortal.Leads;
using ProgramPortal.Leads.Export;
using ProgramPortal.Leads.Privacy;

namespace ProgramPortal.Data;

public class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<StudyProgram> Programs => Set<StudyProgram>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Statistic> Statistics => Set<Statistic>();
    public DbSet<TrackProfile> Tracks => Set<TrackProfile>();
    public DbSet<ComparisonRow> ComparisonRows => Set<ComparisonRow>();
    public DbSet<CareerRole> CareerRoles => Set<CareerRole>();
    public DbSet<CommonRole> CommonRoles => Set<CommonRole>();
    public DbSet<SharedSkill> SharedSkills => Set<SharedSkill>();
    public DbSet<CollaborationExample> CollaborationExamples => Set<CollaborationExample>();
    public DbSet<EducationPath> EducationPaths => Set<EducationPath>();
    public DbSet<PathQuestion> PathQuestions => Set<PathQuestion>();
    public DbSet<FaqItem> FaqItems => Set<FaqItem>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ContentChange> ContentChanges => Set<ContentChange>();
    public DbSet<StaffSettings> StaffSettings => Set<StaffSettings>();
    public DbSet<StaffSession> StaffSessions => Set<StaffSession>();
    public DbSet<PasswordResetQuota> PasswordResetQuotas => Set<PasswordResetQuota>();
    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<Inquiry> Inquiries => Set<Inquiry>();
    public DbSet<SequenceStep> SequenceSteps => Set<SequenceStep>();
    public DbSet<EmailTemplate> EmailTemplates => Set<EmailTemplate>();
    public DbSet<LeadEmail> LeadEmails => Set<LeadEmail>();
    public DbSet<LeadNote> LeadNotes => Set<LeadNote>();
    public DbSet<LeadExport> LeadExports => Set<LeadExport>();
    public DbSet<LeadErasure> LeadErasures => Set<LeadErasure>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        builder.Entity<StaffSettings>().Property(s => s.Id).ValueGeneratedNever();
        // Trigram indexes make the lead search ("contains", any case) fast at a million rows.
        builder.HasPostgresExtension("pg_trgm");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // Enums are stored by name so the database reads plainly and reordering an enum is safe.
        conventions.Properties<Enum>().HaveConversion<string>().HaveMaxLength(20);
    }
}
