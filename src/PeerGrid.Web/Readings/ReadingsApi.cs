using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Hosting;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Readings;

/// <summary>My meter series at slot resolution (kWh per slot; paid in currency units, &gt; 0 paid).</summary>
internal static class ReadingsApi
{
    /// <summary>The longest range one request may ask for: 31 days of 15-minute slots.</summary>
    public const int MaxSlots = 31 * 96;

    public static void MapReadingsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me/readings", GetAsync).WithTags("Readings").RequireAuthorization(PlatformSetup.ProsumerPolicy)
            .WithSummary("My meter readings for slots fromSlot…toSlot (default: the last 96 settled slots).");
        app.MapGet("/api/me/device-readings", GetDevicesAsync).WithTags("Readings").RequireAuthorization(PlatformSetup.ProsumerPolicy)
            .WithSummary("My appliances' and generators' metered energy for slots fromSlot…toSlot (default: the last 96 settled slots); a device without a row used or produced nothing.");
    }

    private static async Task<IResult> GetAsync(HttpContext context, PlatformDbContext db, long? fromSlot, long? toSlot, CancellationToken cancel)
    {
        (SlotRange? range, IResult? problem) = await RangeAsync(context, db, fromSlot, toSlot, cancel);
        if (range is not { } r)
        {
            return problem!;
        }
        (long householdId, long from, long to) = r;
        List<MeterReadingRecord> rows = await db.Readings.AsNoTracking()
            .Where(r => r.HouseholdId == householdId && r.Slot >= from && r.Slot <= to)
            .OrderBy(r => r.Slot)
            .ToListAsync(cancel);
        return Results.Ok(new ReadingsView(householdId, from, to, [.. rows.Select(ReadingView.Of)]));
    }

    private static async Task<IResult> GetDevicesAsync(HttpContext context, PlatformDbContext db, long? fromSlot, long? toSlot, CancellationToken cancel)
    {
        (SlotRange? range, IResult? problem) = await RangeAsync(context, db, fromSlot, toSlot, cancel);
        if (range is not { } r)
        {
            return problem!;
        }
        (long householdId, long from, long to) = r;
        List<DeviceReadingRecord> rows = await db.DeviceReadings.AsNoTracking()
            .Where(r => r.HouseholdId == householdId && r.Slot >= from && r.Slot <= to)
            .OrderBy(r => r.Slot).ThenBy(r => r.Kind).ThenBy(r => r.DeviceId)
            .ToListAsync(cancel);
        return Results.Ok(new DeviceReadingsView(householdId, from, to, [.. rows.Select(r => new DeviceReadingView(r.Slot, r.Kind, r.DeviceId, r.EnergyKwh))]));
    }

    /// <summary>The caller's household and the slot range asked for (default: the last 96 settled slots), or the problem to answer.</summary>
    private static async Task<(SlotRange? Range, IResult? Problem)> RangeAsync(HttpContext context, PlatformDbContext db, long? fromSlot, long? toSlot, CancellationToken cancel)
    {
        long? householdId = await CurrentUser.HouseholdIdAsync(db, context.User, cancel);
        if (householdId is null)
        {
            return (null, Problems.NotFound("household"));
        }
        long last = await db.Readings.Where(r => r.HouseholdId == householdId).MaxAsync(r => (long?)r.Slot, cancel) ?? -1;
        long to = toSlot ?? last;
        long from = fromSlot ?? Math.Max(0, to - 95);
        if (from < 0 || to < from || to - from + 1 > MaxSlots)
        {
            return (null, Problems.Validation(from < 0 ? "fromSlot" : "toSlot", $"the range {from}…{to} is not 0 ≤ fromSlot ≤ toSlot with at most {MaxSlots} slots",
                $"ask for at most {MaxSlots} slots, e.g. fromSlot={Math.Max(0, last - 95)}&toSlot={Math.Max(0, last)}"));
        }
        return (new SlotRange(householdId.Value, from, to), null);
    }

    private readonly record struct SlotRange(long HouseholdId, long From, long To);
}

internal sealed record ReadingsView(long HouseholdId, long FromSlot, long ToSlot, IReadOnlyList<ReadingView> Readings);

internal sealed record DeviceReadingsView(long HouseholdId, long FromSlot, long ToSlot, IReadOnlyList<DeviceReadingView> Readings);

/// <summary>One device's energy in one slot: Kind "appliance" or "generator", DeviceId as in /api/me/appliances or /api/me/generators.</summary>
internal sealed record DeviceReadingView(long Slot, string Kind, long DeviceId, double EnergyKwh);

internal sealed record ReadingView(long Slot, double LoadKwh, double GenerationKwh, double BatteryChargeKwh, double BatteryDischargeKwh, double BatteryStoredKwh,
    double GridImportKwh, double GridExportKwh, double P2PBoughtKwh, double P2PSoldKwh, double CurtailedKwh, double UnmetKwh, decimal Paid)
{
    public static ReadingView Of(MeterReadingRecord r) => new(r.Slot, r.LoadKwh, r.GenerationKwh, r.BatteryChargeKwh, r.BatteryDischargeKwh, r.BatteryStoredKwh,
        r.GridImportKwh, r.GridExportKwh, r.P2PBoughtKwh, r.P2PSoldKwh, r.CurtailedKwh, r.UnmetKwh, MoneyField.ToUnits(r.PaidMicros));
}
