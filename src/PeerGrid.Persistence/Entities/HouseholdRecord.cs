namespace PeerGrid.Persistence.Entities;

/// <summary>
/// A household on the platform, owned by one prosumer (<see cref="OwnerId"/>; null for households the operator
/// manages). Devices hang off it; <see cref="PreferencesJson"/> is in the scenario file's format. The battery state is
/// written by the clock in the same transaction as the slot that produced it.
/// </summary>
public sealed class HouseholdRecord
{
    public long Id { get; set; }
    public long CommunityId { get; set; }
    public string? OwnerId { get; set; }
    public string Name { get; set; } = "";
    public string? Cell { get; set; }

    /// <summary>Annual consumption of the base load (lights, standby, cooking…) in kWh, on the built-in profile.</summary>
    public double BaseLoadAnnualKwh { get; set; }

    public double? MaxImportKw { get; set; }
    public double? MaxExportKw { get; set; }
    public string PreferencesJson { get; set; } = "{}";

    /// <summary>Energy in all its batteries at the end of the last settled slot (kWh); null before the first slot.</summary>
    public double? BatteryStoredKwh { get; set; }

    /// <summary>The part of <see cref="BatteryStoredKwh"/> that came from local generation (kWh).</summary>
    public double? BatteryLocalKwh { get; set; }

    /// <summary>Distance to the community's centre in km, shown to buyers choosing a trader.</summary>
    public double DistanceKm { get; set; }
}
