namespace ProgramPortal.Leads;

public static class TrackInterestNames
{
    public static string Describe(this TrackInterest track) => track switch
    {
        TrackInterest.IS => "Information Systems (IS)",
        TrackInterest.IT => "Information Technology (IT)",
        _ => "Not decided yet",
    };
}
