using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ProgramPortal.Tests.Infrastructure;

/// <summary>
/// A self-signed certificate written as a password-protected .pfx, as an operator makes one for
/// DataProtection__CertificatePath: Production refuses to start without it.
/// </summary>
public static class ThrowawayCertificate
{
    private static readonly Lazy<string> Shared = new(() => Create(Path.Combine(Path.GetTempPath(), $"portal-keyring-{Environment.ProcessId}.pfx")));

    public const string Password = "throwaway-keyring-password";

    /// <summary>Writes a new certificate to this path and returns the path.</summary>
    public static string Create(string path)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=ProgramPortal data protection (test)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }

    /// <summary>The settings that point the app at a certificate: one shared by every process this test run starts.</summary>
    public static Dictionary<string, string?> Settings(string? path = null) => new()
    {
        ["DataProtection__CertificatePath"] = path ?? Shared.Value,
        ["DataProtection__CertificatePassword"] = Password,
    };
}
