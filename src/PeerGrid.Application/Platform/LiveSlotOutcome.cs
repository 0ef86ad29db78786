namespace PeerGrid.Application.Platform;

/// <summary>
/// Everything one live slot produced: meter readings, trades and the money transfers that settle it. A pure function
/// of <see cref="LiveSlotRunner.Run"/>'s arguments. Readings are in household-id order (ordinal), trades contracts
/// first (contract-id order) then the open market's, transfers in posting order.
/// </summary>
/// <param name="Slot">The platform slot: slots since local midnight of the epoch date.</param>
/// <param name="StartUtc">The slot's start instant.</param>
/// <param name="EndUtc">The slot's end instant (start + slot length).</param>
/// <param name="LocalDate">The local day the slot belongs to (that of its start).</param>
/// <param name="DayIndex">Local days since the epoch date: the day whose scenario was compiled.</param>
/// <param name="SlotOfDay">The slot's index within its local day (0 at local midnight).</param>
/// <param name="GridBuyMicrosPerKwh">The utility's retail price in the slot, micro-units per kWh.</param>
/// <param name="GridSellMicrosPerKwh">The utility's feed-in tariff in the slot, micro-units per kWh.</param>
/// <param name="ClearingPriceMicrosPerKwh">The open market's uniform price (pay-as-clear, preference-first); null for discriminatory or pooled mechanisms and when nothing cleared.</param>
/// <param name="P2PKwh">Energy households received from peers, contracts included (kWh).</param>
/// <param name="ContractKwh">The part of <paramref name="P2PKwh"/> traded on contracts (kWh).</param>
/// <param name="ConfigurationVersion">The configuration version the slot ran with.</param>
public sealed record LiveSlotOutcome(
    long Slot,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    DateOnly LocalDate,
    int DayIndex,
    int SlotOfDay,
    IReadOnlyList<HouseholdReading> Readings,
    IReadOnlyList<LiveTrade> Trades,
    IReadOnlyList<LiveTransfer> Transfers,
    long GridBuyMicrosPerKwh,
    long GridSellMicrosPerKwh,
    long? ClearingPriceMicrosPerKwh,
    double P2PKwh,
    double ContractKwh,
    long ConfigurationVersion)
{
    /// <summary>Value equality including the lists' contents (records compare lists by reference).</summary>
    public bool SameAs(LiveSlotOutcome other) =>
        WithoutLists(this) == WithoutLists(other)
        && Readings.Count == other.Readings.Count
        && Readings.Zip(other.Readings).All(p => p.First.SameAs(p.Second))
        && Trades.SequenceEqual(other.Trades)
        && Transfers.SequenceEqual(other.Transfers);

    private static LiveSlotOutcome WithoutLists(LiveSlotOutcome o) =>
        o with { Readings = Array.Empty<HouseholdReading>(), Trades = Array.Empty<LiveTrade>(), Transfers = Array.Empty<LiveTransfer>() };
}
