using PeerGrid.Domain.Quantities;

namespace PeerGrid.Markets.Sharing;

/// <summary>
/// One slot's outcome of a sharing model, as struct-of-arrays indexed by participant. Sized once and overwritten by
/// every <see cref="SlotSharingSettler.Settle"/> call, so the engine can reuse it every slot.
/// </summary>
public sealed class SlotSharingResult
{
    public SlotSharingResult(int participants)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(participants);
        ImportMicroKwh = new long[participants];
        ExportMicroKwh = new long[participants];
        CostMicros = new long[participants];
    }

    public int Participants => CostMicros.Length;

    /// <summary>Energy each participant drew from the community pool (backed by the grid), µkWh, ≥ 0: its positive net position.</summary>
    public long[] ImportMicroKwh { get; }

    /// <summary>Energy each participant delivered to the pool, µkWh, ≥ 0: its negative net position's magnitude.</summary>
    public long[] ExportMicroKwh { get; }

    /// <summary>Each participant's bill for the slot in micro-units: &gt; 0 it pays, &lt; 0 it earns. Σ = <see cref="GridCost"/> exactly.</summary>
    public long[] CostMicros { get; }

    /// <summary>The community buy price (what a buyer pays per kWh), rounded half-to-even; the bills use the exact price.</summary>
    public Price BuyPrice { get; private set; }

    /// <summary>The community sell price (what a seller is credited per kWh), rounded half-to-even.</summary>
    public Price SellPrice { get; private set; }

    /// <summary>Total buying power TBP: Σ imports.</summary>
    public MeteredEnergy Demand { get; private set; }

    /// <summary>Total selling power TSP: Σ exports.</summary>
    public MeteredEnergy Supply { get; private set; }

    /// <summary>The community's net import from the utility, max(TBP − TSP, 0).</summary>
    public MeteredEnergy GridImport { get; private set; }

    /// <summary>The community's net export to the utility, max(TSP − TBP, 0).</summary>
    public MeteredEnergy GridExport { get; private set; }

    /// <summary>The utility's bill for the community (&gt; 0 the community pays), see <see cref="CommunityGrid.Cost"/>.</summary>
    public Money GridCost { get; private set; }

    /// <summary>What all buyers pay together: <see cref="SellerCredit"/> + <see cref="GridCost"/>.</summary>
    public Money BuyerCharge { get; private set; }

    /// <summary>What all sellers receive together (≥ 0 when λ_sell ≥ 0).</summary>
    public Money SellerCredit { get; private set; }

    internal void SetTotals(MeteredEnergy demand, MeteredEnergy supply, CommunityPrices prices, Money gridCost, Money buyerCharge)
    {
        Demand = demand;
        Supply = supply;
        BuyPrice = prices.Buy;
        SellPrice = prices.Sell;
        SellerCredit = prices.SellerCredit;
        GridCost = gridCost;
        BuyerCharge = buyerCharge;
        long net = checked(demand.MicroKwh - supply.MicroKwh);
        GridImport = new MeteredEnergy(Math.Max(net, 0));
        GridExport = new MeteredEnergy(Math.Max(-net, 0));
    }
}
