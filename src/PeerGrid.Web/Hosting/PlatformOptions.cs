namespace PeerGrid.Web.Hosting;

/// <summary>The "Platform" configuration section.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>Create the demo community, its households and demo logins on first start (empty database).</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>Start the live clock when the host starts (else the operator starts it).</summary>
    public bool ClockAutoStart { get; set; } = true;

    /// <summary>The seeded community's slot 0 date (local); default: the UTC date of the first start.</summary>
    public DateOnly? EpochDate { get; set; }

    /// <summary>The seeded community's clock speed: wall-clock seconds per slot.</summary>
    public double SecondsPerSlot { get; set; } = 5;
}

/// <summary>The "RateLimits" section: requests per minute per client address on login and registration.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public int AuthPermitsPerMinute { get; set; } = 20;
}
