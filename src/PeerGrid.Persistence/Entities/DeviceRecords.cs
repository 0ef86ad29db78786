namespace PeerGrid.Persistence.Entities;

/// <summary>A device of a household: its name and switch apart, so lists and switching never parse the spec.</summary>
public abstract class DeviceRecord
{
    public long Id { get; set; }
    public long HouseholdId { get; set; }
    public string Name { get; set; } = "";
    public bool IsOn { get; set; } = true;

    /// <summary>The device in the scenario file's JSON format (name and isOn are overwritten from the columns).</summary>
    public string SpecJson { get; set; } = "{}";
}

public sealed class ApplianceRecord : DeviceRecord
{
}

public sealed class GeneratorRecord : DeviceRecord
{
    /// <summary>"solar-pv", "wind", "dispatchable" or "profile".</summary>
    public string Type { get; set; } = "";
}

public sealed class BatteryRecord : DeviceRecord
{
}
