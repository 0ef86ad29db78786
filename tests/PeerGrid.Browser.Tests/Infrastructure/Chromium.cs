namespace PeerGrid.Browser.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (the <c>chromium</c> package; scripts/chromium.sh installs it where it can). Playwright drives
/// it through its executable path and never downloads a browser. PEERGRID_CHROMIUM overrides the path.
/// </summary>
public static class Chromium
{
    public const string PathVariable = "PEERGRID_CHROMIUM";

    public static string ExecutablePath => Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>Under CI=true a missing Chromium fails the browser tests instead of skipping them.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string MissingMessage =>
        $"Chromium is not installed at {ExecutablePath}: run scripts/chromium.sh (as root on Debian/Ubuntu) or set {PathVariable}";
}

/// <summary>
/// A browser test: skipped with a message when Chromium is missing, except under CI=true, where it runs and fails
/// (a skipped browser suite must not pass CI).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.IsInstalled && !Chromium.Required)
        {
            Skip = Chromium.MissingMessage;
        }
    }
}
