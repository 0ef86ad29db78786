using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Application.Platform;
using PeerGrid.Domain.Households;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Persistence.Platform;
using PeerGrid.Web.Clock;
using PeerGrid.Web.Operator;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Market;

/// <summary>
/// The community market: recent clearing prices and volumes, the next slot's aggregated book, and a server-sent
/// event stream of settled slots (the dashboard's live feed). Any logged-in user.
/// </summary>
internal static class MarketApi
{
    public const int MaxHistory = 7 * 96;

    public static void MapMarketApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder g = app.MapGroup("/api/market").WithTags("Market").RequireAuthorization();
        g.MapGet("", GetAsync).WithSummary("Recent settled slots (?count=1…672, default 96) and the next slot's aggregated book.");
        g.MapGet("/events", Events).WithSummary("Settled slots as server-sent events (event: slot).");
    }

    private static async Task<IResult> GetAsync(PlatformDbContext db, SlotSettler settler, int? count, CancellationToken cancel)
    {
        int n = count ?? 96;
        if (n is < 1 or > MaxHistory)
        {
            return Problems.Validation("count", $"{n} is outside 1 … {MaxHistory}", "ask for at most a week of slots");
        }
        CommunityRecord community = await ClockApi.CommunityAsync(db, cancel);
        return Results.Ok(await LoadAsync(db, settler, community.Id, n, cancel));
    }

    /// <summary>The community's last <paramref name="count"/> settled slots, oldest first, and the next slot's book: the API's answer and the Market page's data.</summary>
    public static async Task<MarketView> LoadAsync(PlatformDbContext db, SlotSettler settler, long communityId, int count, CancellationToken cancel)
    {
        List<SettledSlotRecord> recent = await db.SettledSlots.AsNoTracking().Where(s => s.CommunityId == communityId)
            .OrderByDescending(s => s.Slot).Take(count).ToListAsync(cancel);
        recent.Reverse();
        var history = recent.Select(s => new MarketSlotView(s.Slot, s.StartUtc, s.ClearingPriceMicrosPerKwh is { } p ? MoneyField.ToUnits(p) : null,
            s.P2PKwh, s.GridImportKwh, s.GridExportKwh, s.LoadKwh, s.GenerationKwh)).ToList();
        var preview = await settler.PreviewNextAsync(db, communityId, cancel);
        return new MarketView(communityId, history, preview is { } x ? Book(x.Outcome, x.Model, x.Contracts) : null);
    }

    /// <summary>
    /// The next slot's book as the engine forecasts it: each household's need (what it will import, buy or leave
    /// unmet) bid at its maximum buy price, each surplus (what it will export, sell or curtail) offered at its minimum
    /// sell price, the grid's prices where it set none; aggregated by price level.
    /// </summary>
    private static BookView Book(LiveSlotOutcome o, CommunityModel model, IReadOnlyList<LiveContract> contracts)
    {
        var bids = new SortedDictionary<long, double>(Comparer<long>.Create((a, b) => b.CompareTo(a)));
        var offers = new SortedDictionary<long, double>();
        foreach (HouseholdReading r in o.Readings)
        {
            Preferences p = model.Specs[CommunityScenario.StoredId(r.HouseholdId)].Preferences;
            double need = r.GridImportKwh + r.P2PBoughtKwh + r.UnmetKwh;
            double surplus = r.GridExportKwh + r.P2PSoldKwh + r.CurtailedKwh;
            if (need > 0)
            {
                long price = p.MaxBuyPrice is { } m ? (long)(m * 1_000_000m) : o.GridBuyMicrosPerKwh;
                bids[price] = bids.GetValueOrDefault(price) + need;
            }
            if (surplus > 0 && p.SellSurplus)
            {
                long price = p.MinSellPrice is { } m ? (long)(m * 1_000_000m) : o.GridSellMicrosPerKwh;
                offers[price] = offers.GetValueOrDefault(price) + surplus;
            }
        }
        return new BookView(o.Slot, o.StartUtc, MoneyField.ToUnits(o.GridBuyMicrosPerKwh), MoneyField.ToUnits(o.GridSellMicrosPerKwh),
            [.. bids.Select(b => new BookLevel(MoneyField.ToUnits(b.Key), Math.Round(b.Value, 6)))],
            [.. offers.Select(b => new BookLevel(MoneyField.ToUnits(b.Key), Math.Round(b.Value, 6)))],
            contracts.Count, o.ContractKwh);
    }

    /// <summary>
    /// Subscribes before the response starts and sends the headers at once, so a client that has the headers is
    /// subscribed and sees every slot settled from then on.
    /// </summary>
    private static async Task Events(HttpContext context, SlotEvents events, CancellationToken cancel)
    {
        using SlotEvents.Subscription subscription = events.Subscribe();
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.StartAsync(cancel);
        await context.Response.Body.FlushAsync(cancel);
        try
        {
            await SseFormatter.WriteAsync(Items(subscription, cancel), context.Response.Body,
                (item, writer) =>
                {
                    using var json = new Utf8JsonWriter(writer);
                    JsonSerializer.Serialize(json, item.Data, JsonWeb);
                }, cancel);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private static readonly JsonSerializerOptions JsonWeb = new(JsonSerializerDefaults.Web);

    private static async IAsyncEnumerable<SseItem<SlotView>> Items(SlotEvents.Subscription subscription, [EnumeratorCancellation] CancellationToken cancel)
    {
        await foreach (SettledSlot s in subscription.ReadAllAsync(cancel))
        {
            yield return new SseItem<SlotView>(SlotView.Of(s), "slot") { EventId = s.Slot.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
    }
}

internal sealed record MarketView(long CommunityId, IReadOnlyList<MarketSlotView> Recent, BookView? NextSlot);

internal sealed record MarketSlotView(long Slot, DateTimeOffset StartUtc, decimal? ClearingPrice, double P2PKwh, double GridImportKwh, double GridExportKwh, double LoadKwh, double GenerationKwh);

internal sealed record BookView(long Slot, DateTimeOffset StartUtc, decimal GridBuyPrice, decimal GridSellPrice, IReadOnlyList<BookLevel> Bids, IReadOnlyList<BookLevel> Offers, int Contracts, double ContractKwh);

internal sealed record BookLevel(decimal Price, double EnergyKwh);
