using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ProgramPortal.Hosting;

/// <summary>
/// The certificate that encrypts the data-protection keys where they are stored (PostgreSQL). Those
/// keys sign staff cookies, antiforgery tokens and unsubscribe links, so anyone holding a database
/// dump with them in plain text could forge all three. Required outside Development and Testing.
/// </summary>
public sealed class KeyRingOptions : IValidatableObject
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file holding the certificate and its private key.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }

    /// <summary>Set from the environment when bound: whether the portal may run without a certificate.</summary>
    internal bool CertificateOptional { get; set; }

    private const string HowTo = "deploy/README.md shows how to make one with openssl.";

    /// <summary>The certificate, or null when none is set; throws when the file cannot be read.</summary>
    public X509Certificate2? LoadCertificate() =>
        string.IsNullOrWhiteSpace(CertificatePath)
            ? null
            : X509CertificateLoader.LoadPkcs12FromFile(CertificatePath, CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(CertificatePath))
        {
            if (!CertificateOptional)
            {
                yield return new ValidationResult(
                    "The data-protection keys must be encrypted in the database: set DataProtection__CertificatePath to a .pfx "
                    + "certificate with its private key, and DataProtection__CertificatePassword to its password. " + HowTo,
                    [nameof(CertificatePath)]);
            }

            yield break;
        }

        string? problem;
        try
        {
            using var certificate = LoadCertificate()!;
            problem = certificate.HasPrivateKey ? null : "it holds no private key, which reading the keys back needs";
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            problem = e.Message;
        }

        if (problem is not null)
        {
            yield return new ValidationResult(
                $"DataProtection__CertificatePath '{CertificatePath}' cannot be used with DataProtection__CertificatePassword: {problem}. "
                + HowTo, [nameof(CertificatePath)]);
        }
    }
}
