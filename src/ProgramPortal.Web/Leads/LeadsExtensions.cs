using Hangfire;
using Microsoft.Extensions.Options;
using ProgramPortal.Email;
using ProgramPortal.Hosting;

namespace ProgramPortal.Leads;

public static class LeadsExtensions
{
    /// <summary>The rate-limiter policy on the request-information form: form posts per client IP.</summary>
    public const string FormRateLimitPolicy = "lead-form";

    public static WebApplicationBuilder AddLeads(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LeadOptions>()
            .Bind(builder.Configuration.GetSection(LeadOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<FormGuard>();
        builder.Services.AddSingleton<UnsubscribeTokens>();
        builder.Services.AddSingleton<ResubscribeTokens>();
        builder.Services.AddScoped<LeadIntake>();
        builder.Services.AddScoped<LeadLifecycle>();
        builder.Services.AddScoped<FollowUpSequence>();
        builder.Services.AddSingleton<SenderNudges>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SenderNudges>());
        builder.Services.AddScoped<LeadMailComposer>();
        builder.Services.AddScoped<SendDueEmailsJob>();

        builder.Services.AddRateLimiter(limiter => limiter.AddPolicy(FormRateLimitPolicy, context =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<LeadOptions>>().Value;
            return ClientNetwork.PostsPerClient(context, options.FormPostsPerWindow, options.FormRateWindow);
        }));
        return builder;
    }
}
