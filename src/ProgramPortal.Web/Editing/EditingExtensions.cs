using Microsoft.AspNetCore.Mvc;
using ProgramPortal.Areas.Admin;

namespace ProgramPortal.Editing;

public static class EditingExtensions
{
    public static WebApplicationBuilder AddContentEditing(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FreshnessOptions>()
            .Bind(builder.Configuration.GetSection(FreshnessOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Every decimal the app binds is a figure staff type into a content form.
        builder.Services.Configure<MvcOptions>(mvc => mvc.ModelBinderProviders.Insert(0, new FigureModelBinderProvider()));
        builder.Services.AddScoped<ContentHistory>();
        builder.Services.AddScoped<SourceFreshness>();
        return builder;
    }
}
