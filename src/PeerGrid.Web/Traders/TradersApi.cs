using Microsoft.EntityFrameworkCore;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Persistence.Platform;
using PeerGrid.Simulation.Scenarios;
using PeerGrid.Web.Hosting;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Traders;

/// <summary>
/// The community's sellers a buyer can choose from: every other household with a generator or a battery, with its
/// energy types, asking price, expected surplus and place in the grid. Sorted by asking price, then distance, then id.
/// </summary>
internal static class TradersApi
{
    /// <summary>
    /// Yearly mean output per rated kW for the estimate when nothing is metered yet: solar 0.11 (≈ 960 kWh/kWp a year,
    /// central Europe), wind 0.20 (a small turbine). Dispatchable and profile generators count 0: they run on demand or
    /// follow a profile the API does not evaluate.
    /// </summary>
    public const double SolarCapacityFactor = 0.11;

    public const double WindCapacityFactor = 0.20;

    public static void MapTradersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/traders", ListAsync).WithTags("Traders").RequireAuthorization(PlatformSetup.ProsumerPolicy)
            .Produces<TraderView[]>().WithSummary("The community's sellers (other households with generation or storage).");
    }

    private static async Task<IResult> ListAsync(HttpContext context, PlatformDbContext db, CancellationToken cancel)
    {
        HouseholdRecord? me = await CurrentUser.HouseholdAsync(db, context.User, cancel);
        if (me is null)
        {
            return Problems.NotFound("household");
        }
        return Results.Ok(await LoadAsync(db, me, cancel));
    }

    /// <summary>The traders <paramref name="me"/> can buy from.</summary>
    public static async Task<List<TraderView>> LoadAsync(PlatformDbContext db, HouseholdRecord me, CancellationToken cancel)
    {
        CommunityRecord community = await db.Communities.AsNoTracking().SingleAsync(c => c.Id == me.CommunityId, cancel);
        CommunitySettings settings = CommunitySettings.Read(community.SettingsJson);
        List<StoredHousehold> households = await CommunityScenario.LoadHouseholdsAsync(db, community.Id, cancel);
        List<StoredHousehold> sellers = [.. households.Where(s => s.Household.Id != me.Id && (s.Generators.Count > 0 || s.Batteries.Count > 0))];
        var ids = sellers.Select(s => s.Household.Id).ToList();
        var owners = sellers.Select(s => s.Household.OwnerId).OfType<string>().ToList();
        Dictionary<string, string> names = await db.Users.AsNoTracking().Where(u => owners.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancel);
        HashSet<long> preferred = [.. await db.PreferredTraders.AsNoTracking().Where(p => p.BuyerHouseholdId == me.Id).Select(p => p.SellerHouseholdId).ToListAsync(cancel)];

        // The last day of settled slots, when there is one: what each seller actually exported.
        Dictionary<long, (double Kwh, int Slots)> metered = [];
        long? last = await SlotClock.LastSettledAsync(db, community.Id, cancel);
        if (last is { } l)
        {
            long from = l - settings.SlotsPerDay + 1;
            var rows = await db.Readings.AsNoTracking()
                .Where(r => ids.Contains(r.HouseholdId) && r.Slot >= from && r.Slot <= l)
                .GroupBy(r => r.HouseholdId)
                .Select(g => new { HouseholdId = g.Key, Kwh = g.Sum(r => r.GridExportKwh + r.P2PSoldKwh), Slots = g.Count() })
                .ToListAsync(cancel);
            metered = rows.ToDictionary(r => r.HouseholdId, r => (r.Kwh, r.Slots));
        }

        var traders = new List<TraderView>(sellers.Count);
        foreach (StoredHousehold s in sellers)
        {
            HouseholdRecord h = s.Household;
            List<Generator> generators = [.. s.Generators.Select(g => Parse(g.SpecJson) is { } parsed ? parsed with { IsOn = g.IsOn } : null).OfType<Generator>()];
            Preferences? prefs = DeviceJson.ReadPreferences(CommunityScenario.Element(h.PreferencesJson), "", new ValidationErrors());
            (decimal price, string priceSource) = prefs?.MinSellPrice is { } min ? (min, "preferences") : (settings.ExportPricePerKwh, "tariff");
            (double surplus, string basis) = metered.TryGetValue(h.Id, out var m) && m.Slots > 0
                ? (m.Kwh * settings.SlotsPerDay / m.Slots, "metered")
                : (Estimate(generators, h.BaseLoadAnnualKwh), "estimated");
            string display = PublicNames.Household(h.OwnerId is { } owner ? names.GetValueOrDefault(owner) : null, h.Name);
            traders.Add(new TraderView(
                h.Id,
                display,
                h.Name,
                [.. generators.Select(g => g.EnergyType).Distinct().Order(StringComparer.Ordinal)],
                generators.Count > 0 && generators.All(g => g.IsRenewable),
                s.Batteries.Count > 0,
                price,
                priceSource,
                prefs?.SellSurplus ?? true,
                Math.Round(surplus, 3),
                basis,
                h.Cell,
                h.DistanceKm,
                preferred.Contains(h.Id)));
        }
        return [.. traders.OrderBy(t => t.AskingPricePerKwh).ThenBy(t => t.DistanceKm).ThenBy(t => t.HouseholdId)];
    }

    /// <summary>kWh a day: switched-on generators' rated power × capacity factor × 24 h, less the base load's daily mean, ≥ 0.</summary>
    public static double Estimate(IEnumerable<Generator> generators, double baseLoadAnnualKwh)
    {
        double produced = generators.Where(g => g.IsOn).Sum(g => g switch
        {
            SolarPv pv => pv.PeakKw * SolarCapacityFactor * 24,
            WindTurbine w => w.RatedKw * WindCapacityFactor * 24,
            _ => 0,
        });
        return Math.Max(0, produced - baseLoadAnnualKwh / 365);
    }

    private static Generator? Parse(string spec) => DeviceJson.ReadGenerator(CommunityScenario.Element(spec), "", new ValidationErrors());
}

/// <summary>
/// A seller. Prices in currency units per kWh: the seller's minSellPrice, else the community's grid export price
/// (<see cref="AskingPriceSource"/> says which). Expected surplus in kWh per day: metered (grid export + P2P sold over
/// the last day of settled slots) or, before any, estimated from rated power. Distance to the community's centre in km.
/// </summary>
internal sealed record TraderView(
    long HouseholdId,
    string DisplayName,
    string HouseholdName,
    IReadOnlyList<string> EnergyTypes,
    bool Green,
    bool HasBattery,
    decimal AskingPricePerKwh,
    string AskingPriceSource,
    bool SellsSurplus,
    double ExpectedSurplusKwhPerDay,
    string SurplusBasis,
    string? Cell,
    double DistanceKm,
    bool Preferred);
