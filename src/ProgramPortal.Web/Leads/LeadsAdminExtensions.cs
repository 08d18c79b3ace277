using ProgramPortal.Leads.Export;
using ProgramPortal.Leads.Privacy;

namespace ProgramPortal.Leads;

public static class LeadsAdminExtensions
{
    /// <summary>What admissions staff use at /admin/leads: exports, erasure and the retention job.</summary>
    public static WebApplicationBuilder AddLeadsAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetentionOptions>()
            .Bind(builder.Configuration.GetSection(RetentionOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<LeadExporter>();
        builder.Services.AddScoped<LeadEraser>();
        builder.Services.AddScoped<EraseExpiredLeadsJob>();
        return builder;
    }
}
