using Microsoft.AspNetCore.Identity;

namespace ProgramPortal.Identity;

/// <summary>An admissions staff member who signs in to the admin area.</summary>
public class StaffUser : IdentityUser
{
    public string? DisplayName { get; set; }
}
