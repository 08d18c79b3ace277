namespace ProgramPortal.Content;

public enum TrackCode
{
    IS,
    IT,
}

public enum CareerLevel
{
    Entry,
    Mid,
    Senior,
}

/// <summary>Which field a role shared by both fields leans towards.</summary>
public enum FieldLeaning
{
    Both,
    IS,
    IT,
}

public enum StatisticUnit
{
    Count,
    Percent,
}

public enum EducationStage
{
    Bachelors,
    Masters,
    Certifications,
}

public enum ComparisonRowKind
{
    Text,
    /// <summary>Filled at render time from the career roles' medians, so it can never disagree with them.</summary>
    SalaryRange,
}
