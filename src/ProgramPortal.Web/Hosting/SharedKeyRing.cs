using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using ProgramPortal.Data;

namespace ProgramPortal.Hosting;

/// <summary>
/// The data-protection key ring every instance shares, in PostgreSQL, encrypted there with the
/// operator's certificate (<see cref="KeyRingOptions"/>). `migrate` creates the first key, before
/// any instance starts: instances started together on a database without a usable key would each
/// make their own, and one instance could then refuse another's cookies and antiforgery tokens until
/// it next reloads the key ring (a day). Later keys are rolled by the instances themselves, days
/// before they are needed.
/// </summary>
public static class SharedKeyRing
{
    public static WebApplicationBuilder AddSharedKeyRing(this WebApplicationBuilder builder)
    {
        var optional = ProductionHosting.ServesPlainHttp(builder.Environment);
        builder.Services.AddOptions<KeyRingOptions>()
            .Bind(builder.Configuration.GetSection(KeyRingOptions.Section))
            .PostConfigure(keyRing => keyRing.CertificateOptional = optional)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Keys live in PostgreSQL so sign-ins and antiforgery tokens survive restarts and are
        // valid on every instance behind the load balancer.
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("ProgramPortal")
            .PersistKeysToDbContext<PortalDbContext>();

        // Read here because the encryptor is chosen while services are registered. A file that
        // cannot be read is left to the validation above, which names the setting and the reason.
        var keyRing = builder.Configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        try
        {
            if (keyRing.LoadCertificate() is { HasPrivateKey: true } certificate)
            {
                dataProtection.ProtectKeysWithCertificate(certificate);
            }
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
        }

        return builder;
    }

    public static void EnsureKey(IServiceProvider services)
    {
        // `migrate` does not start the host, so the certificate is checked here before any key is written.
        _ = services.GetRequiredService<IOptions<KeyRingOptions>>().Value;
        var keys = services.GetRequiredService<IKeyManager>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (keys.GetAllKeys().Any(key => !key.IsRevoked && key.ActivationDate <= now && key.ExpirationDate > now))
        {
            return;
        }

        var lifetime = services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.NewKeyLifetime;
        keys.CreateNewKey(now, now + lifetime);
    }
}
