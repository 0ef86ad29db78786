using PeerGrid.Domain;
using PeerGrid.Domain.Tariffs;
using PeerGrid.Simulation.Profiles;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Application.Platform;

/// <summary>
/// A live community's fixed settings: what a one-day scenario needs besides its households (docs/platform-slots.md).
/// </summary>
/// <param name="CommunityId">The community's id; part of the compile cache's key.</param>
/// <param name="Seed">The community's seed; each local day's scenario seed is mixed from it and the day (<see cref="LiveSlotRunner.DaySeed"/>).</param>
/// <param name="EpochDate">The local date of slot 0: slot 0 starts at local midnight of this date.</param>
/// <param name="TimeZoneId">IANA (or Windows) time zone id, e.g. "Europe/Berlin".</param>
/// <param name="SlotMinutes">Slot length in minutes, a divisor of 60 (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60), so slots stay aligned with local days across daylight-saving changes.</param>
/// <param name="Location">Where the community is: drives the weather.</param>
/// <param name="Tariff">The utility's retail and feed-in prices (currency units per kWh).</param>
/// <param name="Mechanism">The open market after contracts, one of <see cref="Markets.MechanismFactory.Names"/> except "bill-sharing" (it bills per month, which a slot-at-a-time clock cannot).</param>
/// <param name="Pricing">Pay-as-clear's pricing convention (<see cref="MarketSettings.PricingConventions"/>).</param>
/// <param name="PricingK">Pay-as-clear's point in the price interval, 0 … 1.</param>
/// <param name="PlatformFeePerKwh">The platform operator's fee per kWh traded on the open market (auctions only), currency units, paid by the buyer; 0 = none.</param>
/// <param name="Currency">ISO currency code of every amount (micro-units of it).</param>
/// <param name="GridEmissionsKgPerKwh">CO₂ per kWh imported from the grid (kg/kWh); does not change any reading.</param>
/// <param name="Profiles">Load and generation profiles the households name, by id; null = only the built-in "bdew-h25".</param>
public sealed record LiveCommunitySettings(
    string CommunityId,
    ulong Seed,
    DateOnly EpochDate,
    string TimeZoneId,
    int SlotMinutes,
    Location Location,
    Tariff Tariff,
    string Mechanism,
    string Pricing,
    double PricingK,
    decimal PlatformFeePerKwh,
    string Currency,
    double GridEmissionsKgPerKwh = 0,
    IReadOnlyDictionary<string, Profile>? Profiles = null);
