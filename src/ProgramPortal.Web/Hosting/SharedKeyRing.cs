using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace ProgramPortal.Hosting;

/// <summary>
/// Creates the data-protection key during `migrate`, before any instance starts. Instances started
/// together on a database without a usable key would each make their own, and one instance could
/// then refuse another's cookies and antiforgery tokens until it next reloads the key ring (a day).
/// Later keys are rolled by the instances themselves, days before they are needed.
/// </summary>
public static class SharedKeyRing
{
    public static void EnsureKey(IServiceProvider services)
    {
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
