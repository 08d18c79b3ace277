namespace ProgramPortal.Leads;

/// <summary>
/// The consent wording shown beside the form's checkbox. Each inquiry stores the version and text the
/// person ticked, so change the version whenever the wording changes.
/// </summary>
public static class ConsentStatement
{
    public const string Version = "2026-11";

    public const string Text =
        "I agree that the MS-ITL admissions team at the University of San Diego may email me about the "
        + "program. I can stop these emails at any time with the unsubscribe link in each one.";
}
