using PeerGrid.Domain;
using PeerGrid.Domain.Quantities;
using PeerGrid.Markets.Auctions;
using PeerGrid.Markets.Sharing;

namespace PeerGrid.Application.Clearing;

/// <summary>
/// Clears one book (<c>peergrid clear</c>, docs/clearing-service.md): reads it, maps participant names to the library's
/// integer ids and back, runs the mechanism once, and reports the outcome in exact decimals. Pure: no I/O, no clock,
/// and the same book always gives the same response.
/// </summary>
public static class ClearBook
{
    /// <summary>Reads <paramref name="json"/> and clears it, or returns every problem with the book.</summary>
    public static ClearOutcome Execute(string json)
    {
        BookReadResult read = BookReader.Read(json);
        return read.IsValid ? ClearOutcome.Cleared(Run(read.Request!)) : ClearOutcome.Invalid(read.Errors);
    }

    /// <summary>
    /// Clears a request that <see cref="BookReader"/> accepted. A request built in code that breaks the reader's rules
    /// (e.g. more than 6 decimals, or λ_sell ≥ λ_buy) makes the library throw an <see cref="ArgumentException"/>.
    /// </summary>
    public static ClearResponse Run(ClearRequest request) => request switch
    {
        AuctionRequest auction => Auction(auction),
        SharingRequest { Mechanism: ClearingModel.BillSharing } sharing => BillSharing(sharing),
        SharingRequest sharing => SlotSharing(sharing),
        _ => throw new ArgumentException($"Unknown request type {request.GetType().Name}.", nameof(request)),
    };

    private static AuctionResponse Auction(AuctionRequest request)
    {
        var participants = new Participants();
        var book = new OrderBook();
        for (int i = 0; i < request.Bids.Count; i++)
        {
            BidEntry bid = request.Bids[i];
            int[] preferred = [.. bid.PreferredSellers.Select(participants.Id)];
            book.AddBid(i, participants.Id(bid.Participant), Micros(bid.Price), Micros(bid.EnergyKwh), bid.GreenOnly, preferred);
        }
        for (int i = 0; i < request.Offers.Count; i++)
        {
            OfferEntry offer = request.Offers[i];
            book.AddOffer(i, participants.Id(offer.Participant), Micros(offer.Price), Micros(offer.EnergyKwh), offer.Green);
        }
        var result = new ClearingResult();
        Mechanism(request).Clear(book, result);

        var trades = new List<TradeLine>(result.Trades.Length);
        foreach (ref readonly Trade t in result.Trades)
        {
            decimal? sellerPrice = t.SellerPriceMicrosPerKwh == t.BuyerPriceMicrosPerKwh ? null : Units(t.SellerPriceMicrosPerKwh);
            trades.Add(new TradeLine(
                request.Bids[t.Bid].Id,
                request.Offers[t.Offer].Id,
                participants.Name(t.Buyer),
                participants.Name(t.Seller),
                Units(t.EnergyMicroKwh),
                Units(t.BuyerPriceMicrosPerKwh),
                sellerPrice));
        }
        var nettings = new List<SelfNettingLine>(result.SelfNettings.Length);
        foreach (ref readonly SelfNetting n in result.SelfNettings)
        {
            nettings.Add(new SelfNettingLine(request.Bids[n.Bid].Id, request.Offers[n.Offer].Id, participants.Name(n.Participant), Units(n.EnergyMicroKwh)));
        }
        return new AuctionResponse(
            ClearingModels.Name(request.Mechanism),
            result.ClearingPriceMicrosPerKwh is { } price ? Units(price) : null,
            trades,
            Unmatched(result.RemainingBidMicroKwh, i => request.Bids[i].Id),
            Unmatched(result.RemainingOfferMicroKwh, i => request.Offers[i].Id),
            nettings);
    }

    private static IClearingMechanism Mechanism(AuctionRequest request) => request.Mechanism switch
    {
        ClearingModel.PayAsClear => new PayAsClear(request.Pricing, request.K),
        ClearingModel.PayAsBid => new PayAsBid(),
        ClearingModel.PayAsOffer => new PayAsOffer(),
        ClearingModel.PreferenceFirst => new PreferenceFirst(new PayAsClear(request.Pricing, request.K)),
        ClearingModel.Huang => new HuangTradeReduction(),
        _ => throw new ArgumentException($"{request.Mechanism} is not an auction.", nameof(request)),
    };

    private static List<UnmatchedOrder> Unmatched(ReadOnlySpan<long> remainingMicroKwh, Func<int, string> id)
    {
        var list = new List<UnmatchedOrder>();
        for (int i = 0; i < remainingMicroKwh.Length; i++)
        {
            if (remainingMicroKwh[i] > 0)
            {
                list.Add(new UnmatchedOrder(id(i), Units(remainingMicroKwh[i])));
            }
        }
        return list;
    }

    private static SlotSharingResponse SlotSharing(SharingRequest request)
    {
        ISlotPricingRule rule = request.Mechanism switch
        {
            ClearingModel.Sdr => SupplyDemandRatio.Instance,
            ClearingModel.Mmr => MidMarketRate.Instance,
            _ => throw new ArgumentException($"{request.Mechanism} is not a per-slot sharing model.", nameof(request)),
        };
        Participants participants = Participants.Of(request);
        int n = participants.Count;
        var settler = new SlotSharingSettler(rule, n);
        var result = new SlotSharingResult(n);
        var net = new long[n];
        var gridBuy = new Price(Micros(request.GridBuyPrice));
        var gridSell = new Price(Micros(request.GridSellPrice));
        var slots = new List<SharingSlotLine>(request.Slots.Count);
        foreach (SharingSlot slot in request.Slots)
        {
            Array.Clear(net);
            foreach (NetPosition p in slot.NetPositions)
            {
                net[participants.Id(p.Participant)] = Micros(p.NetKwh);
            }
            settler.Settle(net, gridBuy, gridSell, result);
            ParticipantLine[] lines = [.. slot.NetPositions.Select(p => Line(p.Participant, participants.Id(p.Participant), result.ImportMicroKwh, result.ExportMicroKwh, result.CostMicros))];
            slots.Add(new SharingSlotLine(Units(result.BuyPrice.MicrosPerKwh), Units(result.SellPrice.MicrosPerKwh), lines));
        }
        return new SlotSharingResponse(ClearingModels.Name(request.Mechanism), slots);
    }

    private static BillSharingResponse BillSharing(SharingRequest request)
    {
        Participants participants = Participants.Of(request);
        int n = participants.Count;
        var period = new BillSharingPeriod(n);
        var net = new long[n];
        var gridBuy = new Price(Micros(request.GridBuyPrice));
        var gridSell = new Price(Micros(request.GridSellPrice));
        foreach (SharingSlot slot in request.Slots)
        {
            Array.Clear(net);
            foreach (NetPosition p in slot.NetPositions)
            {
                net[participants.Id(p.Participant)] = Micros(p.NetKwh);
            }
            period.AddSlot(net, gridBuy, gridSell);
        }
        var bill = new BillSharingResult(n);
        period.Close(bill);
        ParticipantLine[] lines = [.. Enumerable.Range(0, n).Select(i => Line(participants.Name(i), i, bill.ImportMicroKwh, bill.ExportMicroKwh, bill.BillMicros))];
        return new BillSharingResponse(ClearingModels.Name(request.Mechanism), Units(bill.ImportPrice.MicrosPerKwh), Units(bill.ExportPrice.MicrosPerKwh), lines);
    }

    private static ParticipantLine Line(string name, int id, long[] importMicroKwh, long[] exportMicroKwh, long[] costMicros) =>
        new(name, Units(importMicroKwh[id]), Units(exportMicroKwh[id]), Units(costMicros[id]));

    /// <summary>An exact decimal with at most 6 decimals (the reader checked) in micro-units: kWh → µkWh, per kWh → µ/kWh.</summary>
    internal static long Micros(decimal value) => checked((long)(value * Money.MicrosPerUnit));

    /// <summary>
    /// Micro-units as an exact decimal without trailing zeros: 200,000 → 0.2, −1,500,000 → −1.5, 0 → 0. Dividing by
    /// the decimal 10⁶ is exact, and decimal division keeps no trailing zeros the quotient does not need.
    /// </summary>
    internal static decimal Units(long micros) => micros / 1_000_000m;

    /// <summary>Participant names ↔ the library's dense integer ids, in order of first appearance.</summary>
    private sealed class Participants
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<string> _names = [];

        public int Count => _names.Count;

        public static Participants Of(SharingRequest request)
        {
            var participants = new Participants();
            foreach (SharingSlot slot in request.Slots)
            {
                foreach (NetPosition p in slot.NetPositions)
                {
                    participants.Id(p.Participant);
                }
            }
            return participants;
        }

        public int Id(string name)
        {
            if (!_ids.TryGetValue(name, out int id))
            {
                id = _names.Count;
                _ids.Add(name, id);
                _names.Add(name);
            }
            return id;
        }

        public string Name(int id) => _names[id];
    }
}

/// <summary>A cleared book's response, or the problems that stopped it.</summary>
public sealed class ClearOutcome
{
    private ClearOutcome(ClearResponse? response, IReadOnlyList<ValidationError> errors)
    {
        Response = response;
        Errors = errors;
    }

    public ClearResponse? Response { get; }

    public IReadOnlyList<ValidationError> Errors { get; }

    public bool IsValid => Response is not null;

    public static ClearOutcome Cleared(ClearResponse response) => new(response, []);

    public static ClearOutcome Invalid(IReadOnlyList<ValidationError> errors) => new(null, errors);
}
