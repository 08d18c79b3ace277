using Microsoft.Extensions.Options;

namespace ProgramPortal.Email;

public static class EmailExtensions
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>()
            .Bind(builder.Configuration.GetSection(MailOptions.Section))
            .PostConfigure(mail => mail.PickupDirectory ??= Path.Combine(
                builder.Configuration["PORTAL_DATA_DIR"] ?? ".data", "mail"))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<EmailHtml>();
        builder.Services.AddSingleton<EmailsInFlight>();
        builder.Services.AddHostedService(services => services.GetRequiredService<EmailsInFlight>());
        builder.Services.AddTransient<IMailSender>(services =>
            services.GetRequiredService<IOptions<MailOptions>>().Value.UsesSmtp
                ? ActivatorUtilities.CreateInstance<SmtpMailSender>(services)
                : ActivatorUtilities.CreateInstance<PickupDirectoryMailSender>(services));
        return builder;
    }
}
