using System.Text.Json.Serialization;
using PeerGrid.Simulation.Kpis;

namespace PeerGrid.Application.Runs;

/// <summary>
/// The content of summary.json: what was run and its KPIs. Deliberately holds no wall-clock time or duration, so
/// the same scenario and seed give a byte-identical file. <see cref="Wallets"/> is there only when the scenario declares
/// wallets.
/// </summary>
public sealed record RunSummary(
    string Scenario,
    ulong Seed,
    string Mechanism,
    string Strategy,
    string Currency,
    string Start,
    string TimeZone,
    int SlotMinutes,
    int Slots,
    double MaxEnergyBalanceResidualKwh,
    CommunityKpis Community,
    FairnessKpis Fairness,
    MarketTotals Market,
    IReadOnlyList<HouseholdKpis> Households,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<WalletSummary>? Wallets = null);
