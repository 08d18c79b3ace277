using Microsoft.AspNetCore.Identity;

namespace ProgramPortal.Identity;

/// <summary>An admissions staff member who signs in to the admin area.</summary>
public class StaffUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>Set by an Admin: the account keeps its history but can no longer sign in.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>The authenticator time step of the last code accepted, so no code works twice.</summary>
    public long? LastTwoFactorStep { get; set; }
}
