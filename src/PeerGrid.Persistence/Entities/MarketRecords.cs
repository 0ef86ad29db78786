namespace PeerGrid.Persistence.Entities;

/// <summary>
/// A bilateral contract: the buyer takes up to <see cref="KwhPerSlot"/> from the seller each slot from
/// <see cref="StartSlot"/> to <see cref="EndSlot"/> (inclusive; null = until cancelled) at the agreed price, before the
/// open market clears.
/// </summary>
public sealed class ContractRecord
{
    public long Id { get; set; }
    public long CommunityId { get; set; }
    public long BuyerHouseholdId { get; set; }
    public long SellerHouseholdId { get; set; }
    public double KwhPerSlot { get; set; }
    public long PriceMicrosPerKwh { get; set; }
    public long StartSlot { get; set; }
    public long? EndSlot { get; set; }

    /// <summary>"active" or "cancelled".</summary>
    public string Status { get; set; } = ContractStatus.Active;

    public DateTimeOffset CreatedUtc { get; set; }
}

public static class ContractStatus
{
    public const string Active = "active";
    public const string Cancelled = "cancelled";
}

/// <summary>A buyer's preferred trader: matched before others of the same price in preference-first markets.</summary>
public sealed class PreferredTraderRecord
{
    public long BuyerHouseholdId { get; set; }
    public long SellerHouseholdId { get; set; }
}

/// <summary>One household's metered energy in one settled slot (kWh; money in micro-units, &gt; 0 paid).</summary>
public sealed class MeterReadingRecord
{
    public long HouseholdId { get; set; }
    public long Slot { get; set; }
    public double LoadKwh { get; set; }
    public double GenerationKwh { get; set; }
    public double BatteryChargeKwh { get; set; }
    public double BatteryDischargeKwh { get; set; }
    public double BatteryStoredKwh { get; set; }
    public double GridImportKwh { get; set; }
    public double GridExportKwh { get; set; }
    public double P2PBoughtKwh { get; set; }
    public double P2PSoldKwh { get; set; }
    public double CurtailedKwh { get; set; }
    public double UnmetKwh { get; set; }
    public long PaidMicros { get; set; }

    /// <summary>The slot's whole load at the utility's retail price: the bill without PV, battery or peers.</summary>
    public long GridOnlyCostMicros { get; set; }
}

/// <summary>
/// One device's metered energy in one settled slot (kWh): an appliance's consumption or a generator's output before
/// curtailment. Slots where a device used or produced nothing have no row. The rows of a household and slot add up,
/// with its base load, to its <see cref="MeterReadingRecord"/> (docs/engine.md, "Device metering").
/// </summary>
public sealed class DeviceReadingRecord
{
    public long HouseholdId { get; set; }
    public long Slot { get; set; }

    /// <summary><see cref="DeviceKinds.Appliance"/> or <see cref="DeviceKinds.Generator"/>: the table <see cref="DeviceId"/> refers to.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The appliance's or generator's id (a deleted device's rows stay, as history).</summary>
    public long DeviceId { get; set; }

    public double EnergyKwh { get; set; }
}

public static class DeviceKinds
{
    public const string Appliance = "appliance";
    public const string Generator = "generator";
}

/// <summary>An energy trade settled in a slot: a contract delivery or a market match.</summary>
public sealed class TradeRecord
{
    public long Id { get; set; }
    public long CommunityId { get; set; }
    public long Slot { get; set; }

    /// <summary>"contract" or "market".</summary>
    public string Kind { get; set; } = "";

    public long? ContractId { get; set; }

    /// <summary>The buying household; null when the mechanism pools energy (the market account bought it).</summary>
    public long? BuyerHouseholdId { get; set; }

    /// <summary>The selling household; null when the mechanism pools energy (the market account sold it).</summary>
    public long? SellerHouseholdId { get; set; }

    public long EnergyMicroKwh { get; set; }
    public long PriceMicrosPerKwh { get; set; }
    public long AmountMicros { get; set; }
}

/// <summary>
/// The marker that a slot of a community is settled: written in the slot's transaction, its key makes settling a slot
/// twice impossible. Also the market's history (clearing price and volumes).
/// </summary>
public sealed class SettledSlotRecord
{
    public long CommunityId { get; set; }
    public long Slot { get; set; }
    public DateTimeOffset StartUtc { get; set; }
    public long? ClearingPriceMicrosPerKwh { get; set; }
    public double P2PKwh { get; set; }
    public double GridImportKwh { get; set; }
    public double GridExportKwh { get; set; }
    public double LoadKwh { get; set; }
    public double GenerationKwh { get; set; }

    /// <summary>The utility's retail price in the slot (micro-units per kWh).</summary>
    public long GridBuyMicrosPerKwh { get; set; }

    /// <summary>The utility's feed-in tariff in the slot (micro-units per kWh).</summary>
    public long GridSellMicrosPerKwh { get; set; }
}
