namespace ProgramPortal.Editing;

public static class EditingExtensions
{
    public static WebApplicationBuilder AddContentEditing(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FreshnessOptions>()
            .Bind(builder.Configuration.GetSection(FreshnessOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<ContentHistory>();
        builder.Services.AddScoped<SourceFreshness>();
        return builder;
    }
}
