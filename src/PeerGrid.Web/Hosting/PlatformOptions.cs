namespace PeerGrid.Web.Hosting;

/// <summary>The "Platform" configuration section.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>Create the demo community, its households and demo logins on first start (empty database).</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>Start the live clock when the host starts (else the operator starts it).</summary>
    public bool ClockAutoStart { get; set; } = true;
}

/// <summary>The "RateLimits" section: requests per minute per client address on login and registration.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public int AuthPermitsPerMinute { get; set; } = 20;
}
