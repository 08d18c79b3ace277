namespace ProgramPortal.Identity;

public static class StaffRoles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string Admissions = "Admissions";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, Admissions];
}
