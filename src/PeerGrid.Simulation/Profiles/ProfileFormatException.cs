namespace PeerGrid.Simulation.Profiles;

/// <summary>
/// A profile file that cannot be used as it is. The message reads
/// <c>{source} line {n}: {problem}; {fix}</c>, e.g.
/// <c>LOAD.csv line 17: "12,5" is not a number; use '.' as the decimal point or ';' as the separator</c>.
/// </summary>
public sealed class ProfileFormatException : Exception
{
    public ProfileFormatException(string sourceName, int lineNumber, string problem, string fix)
        : base($"{sourceName} line {lineNumber}: {problem}; {fix}")
    {
        SourceName = sourceName;
        LineNumber = lineNumber;
        Problem = problem;
        Fix = fix;
    }

    public ProfileFormatException()
        : this("profile", 0, "the profile cannot be read", "check its format")
    {
    }

    public ProfileFormatException(string message)
        : base(message)
    {
        SourceName = "profile";
        Problem = message;
        Fix = string.Empty;
    }

    public ProfileFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        SourceName = "profile";
        Problem = message;
        Fix = string.Empty;
    }

    /// <summary>The file name the caller gave for the source.</summary>
    public string SourceName { get; }

    /// <summary>1-based line in the source; 0 when the problem is not tied to a line.</summary>
    public int LineNumber { get; }

    /// <summary>What is wrong, without the source and line.</summary>
    public string Problem { get; }

    /// <summary>How to fix it.</summary>
    public string Fix { get; }
}
