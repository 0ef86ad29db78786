using PeerGrid.Domain.Quantities;
using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Auctions;
using PeerGrid.Markets.Strategies;

namespace PeerGrid.Markets.Hierarchy;

/// <summary>
/// Nested double auctions, after Grid Singularity's market hierarchy (../shared/REFERENCE.md §2, docs/markets-hierarchy.md):
/// households trade in their cell's market first; what a cell leaves unmatched moves up to its community's market, then
/// to its region's; what the region leaves goes to the utility grid (the engine settles it at the tariff).
/// <list type="bullet">
/// <item>Orders as in <see cref="Mechanisms.AuctionMarket"/>, formed and priced by the same <see cref="OrderPricer"/>:
/// limits min(household maximum, retail) for bids and max(household minimum, feed-in) for offers, energy rounded down to
/// the µkWh, prices by the <see cref="OrderStrategy"/>. With R rounds (the ramp) the whole hierarchy clears R times per
/// slot: in round r every order's remaining energy enters its cell at the round's price, what the cells leave moves up
/// to the communities and regions at that same price, and round r + 1 starts again at the cells.</item>
/// <item>Grid fees, gsy-e's rule: an offer entering a market has that market's fee added; a bid leaving a market has
/// that market's fee taken off. A trade pays every market on its path once; the buyer pays them all.</item>
/// <item>Losses: each level crossing loses <see cref="HierarchyCharges.LossPerCrossing"/> of the energy. The seller
/// is paid for the energy it sends, the buyer pays for that energy and receives what arrives; its bid is scaled so
/// that it never pays more than its limit per kWh received.</item>
/// <item>Cell capacities: what a cell's households send to (receive from) other cells in a slot never exceeds its
/// export (import) capacity. Before each higher-level clearing, a cell's remaining offers (bids) are admitted in
/// price priority (cheapest offers, dearest bids first; ties by household index) up to the capacity left.</item>
/// </list>
/// One clearing mechanism per market node, from the factory, reused every slot; no allocation per slot once the books
/// have grown to their largest size.
/// </summary>
public sealed class HierarchicalMarket : IMarketMechanism
{
    private const int LevelCount = 3;
    private const long Million = GridFee.Million;
    private const double MicroKwhPerKwh = MeteredEnergy.MicroKwhPerKwh;
    private const int IndexBits = 24;
    private const long IndexMask = (1L << IndexBits) - 1;

    private readonly int _households;
    private readonly int _cells;
    private readonly int[] _cellOf;
    private readonly LevelNodes[] _levels;
    private readonly int[][] _nodeOfCell;
    private readonly GridFee[] _fees = new GridFee[LevelCount];
    private readonly long _platformMicrosPerKwh;

    // Per matching level d: the fees on a trade's supply side (the seller's markets up to and including d) and demand
    // side (the buyer's markets below d); constant parts in µ/kWh, percentage parts in parts per million.
    private readonly long[] _supplyConstant = new long[LevelCount];
    private readonly long[] _supplyParts = new long[LevelCount];
    private readonly long[] _demandConstant = new long[LevelCount];
    private readonly long[] _demandParts = new long[LevelCount];

    /// <summary>Share of sent energy that arrives for a trade matched at level d: (1 − loss)^(2d).</summary>
    private readonly double[] _keep = new double[LevelCount];
    private readonly double _keepPerLevel;

    // Per household: energy left (µkWh); the order's limit and round price are the pricer's. A bid's energy is in the
    // units of the level it is at: sent energy a trade there would have to move (its need ÷ (1 − loss)^(2d)).
    private readonly OrderPricer _pricer;
    private readonly long[] _bidLeft;
    private readonly long[] _offerLeft;
    private readonly long[] _admitted;

    // Per cell.
    private readonly long[] _exportCapacityMicroKwh;
    private readonly double[] _importCapacityMicroKwh;
    private readonly long[] _exportLeft;
    private readonly double[] _importLeft;
    private readonly double[] _exportKwh;
    private readonly double[] _importKwh;
    private readonly double[] _uncappedExportKwh;
    private readonly double[] _uncappedImportKwh;
    private readonly double[] _congestedExportKwh;
    private readonly double[] _congestedImportKwh;
    private readonly bool[] _withheldExport;
    private readonly bool[] _withheldImport;
    private readonly long[] _sortKeys;

    // The level being cleared, for the helper thread's body; per level, the nodes that clear.
    private readonly int[][] _clearingNodes;
    private readonly Action<int> _clearBody;
    private MarketSlot? _clearSlot;
    private int _clearLevel;

    // Last slot's totals.
    private readonly long[] _feesMicros = new long[LevelCount];
    private readonly double[] _tradedKwh = new double[LevelCount];

    /// <param name="topology">Cells, communities, regions and cell capacities.</param>
    /// <param name="charges">Grid fees per level, losses per crossing, platform fee.</param>
    /// <param name="clearing">Makes the clearing mechanism of one market node, e.g. <c>() => new PayAsClear(PricingConvention.EquilibriumInterval, 0.5)</c>; called once per node that clears.</param>
    /// <param name="name">The mechanism's name in results; default: the clearing mechanism's.</param>
    /// <param name="strategy">How households price their orders; default <see cref="OrderStrategy.Fixed"/>.</param>
    public HierarchicalMarket(HierarchyTopology topology, HierarchyCharges charges, Func<IClearingMechanism> clearing, string? name = null, OrderStrategy? strategy = null)
    {
        charges.Validate();
        Topology = topology;
        Charges = charges;
        int n = _households = topology.HouseholdCount;
        int cells = _cells = topology.CellCount;
        _cellOf = new int[n];
        int[] communityOf = new int[n], regionOf = new int[n];
        for (int h = 0; h < n; h++)
        {
            _cellOf[h] = topology.CellOf(h);
            communityOf[h] = topology.CommunityOf(_cellOf[h]);
            regionOf[h] = topology.RegionOf(communityOf[h]);
        }
        _nodeOfCell = [new int[cells], new int[cells], new int[cells]];
        for (int c = 0; c < cells; c++)
        {
            _nodeOfCell[0][c] = c;
            _nodeOfCell[1][c] = topology.CommunityOf(c);
            _nodeOfCell[2][c] = topology.RegionOf(topology.CommunityOf(c));
        }
        // A cell clears when it has two households; a community (region) when households of two cells (communities) meet in it.
        _levels =
        [
            new LevelNodes(_cellOf, cells, Joins(_cellOf, Identity(n), cells), clearing),
            new LevelNodes(communityOf, topology.CommunityCount, Joins(communityOf, _cellOf, topology.CommunityCount), clearing),
            new LevelNodes(regionOf, topology.RegionCount, Joins(regionOf, communityOf, topology.RegionCount), clearing),
        ];
        Name = name ?? FirstMechanism()?.Name ?? clearing().Name;

        _platformMicrosPerKwh = charges.PlatformFeeMicrosPerKwh;
        for (int d = 0; d < LevelCount; d++)
        {
            GridFee fee = _fees[d] = charges.FeeAt((HierarchyLevel)d);
            _supplyConstant[d] = checked((d > 0 ? _supplyConstant[d - 1] : 0) + fee.MicrosPerKwh);
            _supplyParts[d] = checked((d > 0 ? _supplyParts[d - 1] : 0) + fee.PartsPerMillion);
            _demandConstant[d] = d > 0 ? _supplyConstant[d - 1] : 0;
            _demandParts[d] = d > 0 ? _supplyParts[d - 1] : 0;
        }
        double keep = 1 - charges.LossPerCrossing;
        _keepPerLevel = keep * keep;
        _keep[0] = 1;
        _keep[1] = _keepPerLevel;
        _keep[2] = _keepPerLevel * _keepPerLevel;

        _pricer = new OrderPricer(strategy);
        _bidLeft = new long[n];
        _offerLeft = new long[n];
        _admitted = new long[n];
        _exportCapacityMicroKwh = new long[cells];
        _importCapacityMicroKwh = new double[cells];
        for (int c = 0; c < cells; c++)
        {
            // Export is counted in whole µkWh sent (rounded down: never above the capacity); import in received energy.
            _exportCapacityMicroKwh[c] = topology.ExportCapacityKwh(c) is { } e && e * MicroKwhPerKwh < long.MaxValue / 2
                ? (long)Math.Floor(e * MicroKwhPerKwh)
                : long.MaxValue;
            _importCapacityMicroKwh[c] = topology.ImportCapacityKwh(c) is { } i ? i * MicroKwhPerKwh : double.PositiveInfinity;
        }
        _exportLeft = new long[cells];
        _importLeft = new double[cells];
        _exportKwh = new double[cells];
        _importKwh = new double[cells];
        _uncappedExportKwh = new double[cells];
        _uncappedImportKwh = new double[cells];
        _congestedExportKwh = new double[cells];
        _congestedImportKwh = new double[cells];
        _withheldExport = new bool[cells];
        _withheldImport = new bool[cells];
        int largestCell = 0;
        for (int c = 0; c < cells; c++)
        {
            largestCell = Math.Max(largestCell, _levels[0].Start[c + 1] - _levels[0].Start[c]);
        }
        _sortKeys = new long[largestCell];
        _clearingNodes = new int[LevelCount][];
        for (int d = 0; d < LevelCount; d++)
        {
            bool[] clears = _levels[d].Clears;
            _clearingNodes[d] = [.. Enumerable.Range(0, clears.Length).Where(node => clears[node])];
        }
        _clearBody = ClearNodeAt;
    }

    /// <summary>Markets with at least this many households clear the nodes of a level on two cores (same results).</summary>
    public const int DefaultParallelFromHouseholds = 8192;

    /// <summary>From how many households the nodes of a level are cleared on two cores; tests lower it to compare both ways.</summary>
    internal int ParallelFromHouseholds { get; init; } = DefaultParallelFromHouseholds;

    public string Name { get; }

    /// <summary>Orders trade only within their limits, so the engine may enter batteries and generators (docs/markets.md).</summary>
    public bool TradesFlexibleEnergy => true;

    public HierarchyTopology Topology { get; }

    public HierarchyCharges Charges { get; }

    /// <summary>The households' order pricing, with the adaptive strategy's estimates.</summary>
    public OrderPricer Pricer => _pricer;

    /// <summary>Grid fees the markets of <paramref name="level"/> collected in the last slot, micro-units.</summary>
    public long LastGridFeesMicros(HierarchyLevel level) => _feesMicros[(int)level];

    /// <summary>Σ grid fees of all levels in the last slot, micro-units.</summary>
    public long LastGridFeesMicrosTotal => checked(_feesMicros[0] + _feesMicros[1] + _feesMicros[2]);

    /// <summary>The platform operator's revenue in the last slot, micro-units (paid by buyers).</summary>
    public long LastPlatformFeesMicros { get; private set; }

    /// <summary>Money the clearing mechanisms kept in the last slot (Huang's trade-reduction surplus; 0 otherwise), micro-units.</summary>
    public long LastOperatorSurplusMicros { get; private set; }

    /// <summary>Energy lost in transfers between cells in the last slot: Σ sent − Σ received, kWh.</summary>
    public double LastLossesKwh { get; private set; }

    /// <summary>Energy sent in trades matched at <paramref name="level"/> in the last slot, kWh.</summary>
    public double LastTradedKwh(HierarchyLevel level) => _tradedKwh[(int)level];

    /// <summary>Per cell, energy its households sent to other cells in the last slot (kWh, measured where it is sent); ≤ its export capacity.</summary>
    public ReadOnlySpan<double> LastCellExportKwh => _exportKwh;

    /// <summary>Per cell, energy its households received from other cells in the last slot (kWh, after losses); ≤ its import capacity.</summary>
    public ReadOnlySpan<double> LastCellImportKwh => _importKwh;

    /// <summary>
    /// Per cell, export refused for capacity in the last slot, kWh: how much more the cell would have sent had its
    /// capacities not applied (the slot cleared again without any cell capacity), for cells whose export capacity bound.
    /// </summary>
    public ReadOnlySpan<double> LastCongestedExportKwh => _congestedExportKwh;

    /// <summary>Per cell, import refused for capacity in the last slot, kWh (as <see cref="LastCongestedExportKwh"/>).</summary>
    public ReadOnlySpan<double> LastCongestedImportKwh => _congestedImportKwh;

    public void Clear(MarketSlot slot)
    {
        if (slot.NetKwh.Length != _households)
        {
            throw new ArgumentException($"The slot has {slot.NetKwh.Length} households but the hierarchy {_households}.", nameof(slot));
        }
        Array.Clear(_feesMicros);
        Array.Clear(_tradedKwh);
        Array.Clear(_congestedExportKwh);
        Array.Clear(_congestedImportKwh);
        Array.Clear(_withheldExport);
        Array.Clear(_withheldImport);
        LastPlatformFeesMicros = 0;
        LastOperatorSurplusMicros = 0;
        LastLossesKwh = 0;
        bool limited = RunSlot(slot, capped: true);
        // Network fees go on to the grid operator in settlement; platform fees and any surplus stay with the operator.
        slot.GridFeesMicros = LastGridFeesMicrosTotal;
        if (limited)
        {
            // A capacity held orders back: clear the slot again without capacities (recording nothing but the cells'
            // flows) to measure what the limits refused.
            RunSlot(slot, capped: false);
            for (int c = 0; c < _cells; c++)
            {
                _congestedExportKwh[c] = _withheldExport[c] ? Math.Max(0, _uncappedExportKwh[c] - _exportKwh[c]) : 0;
                _congestedImportKwh[c] = _withheldImport[c] ? Math.Max(0, _uncappedImportKwh[c] - _importKwh[c]) : 0;
            }
        }
        // The adaptive strategy learns from the real (capped) clearing only.
        _pricer.EndSlot();
    }

    /// <summary>
    /// Clears all three levels, once per round. Capped, it is the real clearing: it writes the households' trades and
    /// payments and the slot's totals. Uncapped, it only measures the cells' flows. Returns whether a capacity held
    /// orders back. Capacities are per slot: what one round moved across a cell boundary is gone for the next.
    /// </summary>
    private bool RunSlot(MarketSlot slot, bool capped)
    {
        Prepare(slot, capped);
        bool withheld = false;
        for (int round = 1; round <= _pricer.Rounds; round++)
        {
            if (round > 1)
            {
                if (!BidsAndOffersLeft())
                {
                    break;
                }
                RescaleBidsToCells();
                _pricer.PriceRound(round);
            }
            withheld |= RunRound(slot, capped);
        }
        return withheld;
    }

    /// <summary>One clearing of the cells, then the communities, then the regions, at the current round's prices.</summary>
    private bool RunRound(MarketSlot slot, bool capped)
    {
        bool withheld = false;
        for (int d = 0; d < LevelCount; d++)
        {
            if (d > 0)
            {
                RescaleBidsForNextLevel();
            }
            LevelNodes level = _levels[d];
            if (!level.AnyClears)
            {
                continue;
            }
            Array.Copy(_bidLeft, _admitted, _households);
            for (int h = 0; h < _households; h++)
            {
                _admitted[h] += _offerLeft[h]; // a household has a bid or an offer, never both
            }
            if (capped && d > 0)
            {
                withheld |= ApplyCapacities(d);
            }
            // Nodes of one level share no household or cell: clear them all (on two cores in a large market), then book
            // their trades in node order, so the result is the same however the clearing was spread.
            int[] clearing = _clearingNodes[d];
            _clearSlot = slot;
            _clearLevel = d;
            if (!(_households >= ParallelFromHouseholds && clearing.Length > 1 && NodeHelper.Shared is { } helper && helper.TryRun(_clearBody, clearing.Length)))
            {
                for (int i = 0; i < clearing.Length; i++)
                {
                    BuildAndClear(slot, d, level, clearing[i]);
                }
            }
            _clearSlot = null;
            foreach (int node in clearing)
            {
                BookNode(slot, d, level, node, capped);
            }
        }
        return withheld;
    }

    private void Prepare(MarketSlot slot, bool capped)
    {
        // Rounded down to the µkWh, as in AuctionMarket (the same code): never more than the household needs or has.
        _pricer.BeginSlot(slot, _bidLeft, _offerLeft);
        Array.Copy(_exportCapacityMicroKwh, _exportLeft, _cells);
        Array.Copy(_importCapacityMicroKwh, _importLeft, _cells);
        Array.Clear(capped ? _exportKwh : _uncappedExportKwh);
        Array.Clear(capped ? _importKwh : _uncappedImportKwh);
    }

    private bool BidsAndOffersLeft()
    {
        bool bids = false, offers = false;
        for (int h = 0; h < _households && !(bids && offers); h++)
        {
            bids |= _bidLeft[h] > 0;
            offers |= _offerLeft[h] > 0;
        }
        return bids && offers;
    }

    /// <summary>
    /// Between rounds: a bid left after the regions is in the units of level 2 (sent energy); back in its cell it needs
    /// that × (1 − loss)⁴, rounded down to the µkWh (so it never receives more than its need).
    /// </summary>
    private void RescaleBidsToCells()
    {
        if (_keepPerLevel == 1)
        {
            return;
        }
        double keep = _keep[LevelCount - 1];
        for (int h = 0; h < _households; h++)
        {
            long left = _bidLeft[h];
            if (left > 0)
            {
                long down = (long)Math.Floor(left * keep);
                if (down / keep > left)
                {
                    down--;
                }
                _bidLeft[h] = Math.Max(down, 0);
            }
        }
    }

    /// <summary>A bid moving up a level needs 1 / (1 − loss)² as much sent energy for the same energy received.</summary>
    private void RescaleBidsForNextLevel()
    {
        if (_keepPerLevel == 1)
        {
            return;
        }
        for (int h = 0; h < _households; h++)
        {
            long left = _bidLeft[h];
            if (left > 0)
            {
                long up = (long)Math.Floor(left / _keepPerLevel);
                if (up * _keepPerLevel > left)
                {
                    up--;
                }
                _bidLeft[h] = up;
            }
        }
    }

    /// <summary>
    /// Caps what each cell puts into level <paramref name="d"/>'s markets at its capacity left, admitting offers cheapest
    /// first and bids dearest first (ties: lower household index first). Returns whether anything was held back.
    /// </summary>
    private bool ApplyCapacities(int d)
    {
        bool withheld = false;
        LevelNodes cells = _levels[0];
        bool[] clears = _levels[d].Clears;
        int[] nodeOfCell = _nodeOfCell[d];
        double keep = _keep[d];
        for (int c = 0; c < _cells; c++)
        {
            if (!clears[nodeOfCell[c]])
            {
                continue;
            }
            int from = cells.Start[c], to = cells.Start[c + 1];
            if (_exportCapacityMicroKwh[c] != long.MaxValue)
            {
                long offered = 0;
                for (int i = from; i < to; i++)
                {
                    offered += _offerLeft[cells.Members[i]];
                }
                if (offered > _exportLeft[c])
                {
                    _withheldExport[c] = withheld = true;
                    Span<long> keys = SortKeys(cells, from, to, _offerLeft, _pricer.Prices, descending: false);
                    long room = _exportLeft[c];
                    foreach (long key in keys)
                    {
                        int h = cells.Members[from + (int)(key & IndexMask)];
                        long admitted = Math.Min(_offerLeft[h], room);
                        _admitted[h] = admitted;
                        room -= admitted;
                    }
                }
            }
            if (!double.IsPositiveInfinity(_importCapacityMicroKwh[c]))
            {
                double wanted = 0;
                for (int i = from; i < to; i++)
                {
                    wanted += _bidLeft[cells.Members[i]] * keep;
                }
                if (wanted > _importLeft[c])
                {
                    _withheldImport[c] = withheld = true;
                    Span<long> keys = SortKeys(cells, from, to, _bidLeft, _pricer.Prices, descending: true);
                    double room = _importLeft[c];
                    foreach (long key in keys)
                    {
                        int h = cells.Members[from + (int)(key & IndexMask)];
                        long fits = room > 0 ? (long)Math.Floor(room / keep) : 0;
                        if (fits * keep > room)
                        {
                            fits--;
                        }
                        long admitted = Math.Min(_bidLeft[h], Math.Max(fits, 0));
                        _admitted[h] = admitted;
                        room -= admitted * keep;
                    }
                }
            }
        }
        return withheld;
    }

    /// <summary>Price-time keys (the round's price in the high bits, position in the cell in the low 24) of the cell's orders with energy left, sorted.</summary>
    private Span<long> SortKeys(LevelNodes cells, int from, int to, long[] left, ReadOnlySpan<long> price, bool descending)
    {
        int count = 0;
        for (int i = from; i < to; i++)
        {
            int h = cells.Members[i];
            if (left[h] > 0)
            {
                long key = descending ? -price[h] : price[h];
                _sortKeys[count++] = (key << IndexBits) | (long)(i - from);
            }
        }
        Span<long> keys = _sortKeys.AsSpan(0, count);
        keys.Sort();
        return keys;
    }

    /// <summary>The helper's body: clears the i-th clearing node of the current level.</summary>
    private void ClearNodeAt(int i)
    {
        int d = _clearLevel;
        BuildAndClear(_clearSlot!, d, _levels[d], _clearingNodes[d][i]);
    }

    /// <summary>Fills the node's book from its members' admitted orders and clears it; reads only the node's households.</summary>
    private void BuildAndClear(MarketSlot slot, int d, LevelNodes level, int node)
    {
        OrderBook book = level.Books[node]!;
        ClearingResult result = level.Results[node]!;
        book.Clear();
        bool[] renewable = slot.IsRenewable;
        ReadOnlySpan<long> prices = _pricer.Prices;
        for (int i = level.Start[node]; i < level.Start[node + 1]; i++)
        {
            int h = level.Members[i];
            long energy = _admitted[h];
            if (energy <= 0)
            {
                continue;
            }
            if (_bidLeft[h] > 0)
            {
                book.AddBid(h, h, BidPrice(d, prices[h]), energy, slot.GreenOnly[h], slot.PreferredSellers[h]);
            }
            else
            {
                book.AddOffer(h, h, OfferPrice(d, prices[h]), energy, renewable[h]);
            }
        }
        if (book.BidCount == 0 || book.OfferCount == 0)
        {
            return;
        }
        level.Mechanisms[node]!.Clear(book, result);
    }

    /// <summary>Books the node's last clearing: trades, what the orders have left, and (real clearing) the adaptive observation.</summary>
    private void BookNode(MarketSlot slot, int d, LevelNodes level, int node, bool record)
    {
        OrderBook book = level.Books[node]!;
        ClearingResult result = level.Results[node]!;
        if (book.BidCount == 0 || book.OfferCount == 0)
        {
            return;
        }
        foreach (ref readonly Trade t in result.Trades)
        {
            Settle(slot, d, in t, record);
        }
        if (record)
        {
            _pricer.Observe(result);
        }
        ReadOnlySpan<Order> bids = book.Bids, offers = book.Offers;
        ReadOnlySpan<long> bidsLeft = result.RemainingBidMicroKwh, offersLeft = result.RemainingOfferMicroKwh;
        for (int b = 0; b < bids.Length; b++)
        {
            _bidLeft[bids[b].Id] -= bids[b].EnergyMicroKwh - bidsLeft[b];
        }
        for (int o = 0; o < offers.Length; o++)
        {
            _offerLeft[offers[o].Id] -= offers[o].EnergyMicroKwh - offersLeft[o];
        }
    }

    /// <summary>
    /// Books one trade matched at level <paramref name="d"/>. The seller's price per kWh sent, v, is the market's price
    /// less the supply-side fees (percentages are of v, so v = (price − constants) ÷ (1 + Σ percentages), rounded down).
    /// The buyer pays v plus the fee of every market on the path, the platform fee and any mechanism surplus.
    /// </summary>
    private void Settle(MarketSlot slot, int d, in Trade t, bool record)
    {
        long q = t.EnergyMicroKwh;
        int buyer = t.Buyer, seller = t.Seller;
        double kwh = q / MicroKwhPerKwh;
        double received = kwh * _keep[d];
        if (d > 0)
        {
            int from = _cellOf[seller], to = _cellOf[buyer];
            (record ? _exportKwh : _uncappedExportKwh)[from] += kwh;
            (record ? _importKwh : _uncappedImportKwh)[to] += received;
            if (_exportCapacityMicroKwh[from] != long.MaxValue)
            {
                _exportLeft[from] -= q;
            }
            _importLeft[to] -= q * _keep[d];
        }
        if (!record)
        {
            return;
        }
        long v = SellerPrice(d, t.SellerPriceMicrosPerKwh);
        long sellerGets = Price.CostMicros(q, v);
        long buyerPays = sellerGets;
        for (int j = 0; j <= d; j++)
        {
            long rate = _fees[j].RateMicrosPerKwh(v);
            if (rate != 0)
            {
                // Below the matching level the trade passes two markets of level j (the seller's and the buyer's).
                long fee = checked(Price.CostMicros(q, rate) * (j < d ? 2 : 1));
                _feesMicros[j] = checked(_feesMicros[j] + fee);
                buyerPays = checked(buyerPays + fee);
            }
        }
        if (_platformMicrosPerKwh != 0)
        {
            long platform = Price.CostMicros(q, _platformMicrosPerKwh);
            LastPlatformFeesMicros = checked(LastPlatformFeesMicros + platform);
            buyerPays = checked(buyerPays + platform);
        }
        long surplus = t.OperatorKeepsMicros;
        LastOperatorSurplusMicros = checked(LastOperatorSurplusMicros + surplus);
        buyerPays = checked(buyerPays + surplus);

        slot.TradedKwh[seller] -= kwh;
        slot.TradedKwh[buyer] += received;
        slot.PaidMicros[seller] = checked(slot.PaidMicros[seller] - sellerGets);
        slot.PaidMicros[buyer] = checked(slot.PaidMicros[buyer] + buyerPays);
        _tradedKwh[d] += kwh;
        LastLossesKwh += kwh - received;
    }

    /// <summary>An offer at level d: its limit plus the fees of every market it entered (its cell's up to level d's).</summary>
    private long OfferPrice(int d, long limit) =>
        ClampPrice(checked(limit + _supplyConstant[d] + CeilParts(_supplyParts[d], limit)));

    /// <summary>
    /// A bid at level d: its limit times (1 − loss)^(2d) (so the buyer pays at most its limit per kWh received), less the
    /// platform fee and the fees of every market it left (its cell's up to the level below d).
    /// </summary>
    private long BidPrice(int d, long limit)
    {
        long scaled = d == 0 ? limit : (long)Math.Floor(limit * _keep[d]);
        return ClampPrice(checked(scaled - _platformMicrosPerKwh - _demandConstant[d] - CeilParts(_demandParts[d], scaled)));
    }

    /// <summary>What the seller receives per kWh sent, from the market price at level d: the inverse of <see cref="OfferPrice"/>, rounded down.</summary>
    private long SellerPrice(int d, long marketPrice)
    {
        long x = checked(marketPrice - _supplyConstant[d]);
        long parts = _supplyParts[d];
        return x <= 0 || parts == 0 ? x : checked(x * Million) / (Million + parts);
    }

    /// <summary>⌈parts × max(price, 0) ÷ 10⁶⌉: a percentage fee on an order price, rounded so the order stays on the safe side.</summary>
    private static long CeilParts(long parts, long price) =>
        parts == 0 || price <= 0 ? 0 : checked((parts * price) + Million - 1) / Million;

    private static long ClampPrice(long price) =>
        Math.Clamp(price, -OrderBook.MaxAbsPriceMicrosPerKwh, OrderBook.MaxAbsPriceMicrosPerKwh);

    private IClearingMechanism? FirstMechanism()
    {
        foreach (LevelNodes level in _levels)
        {
            foreach (IClearingMechanism? m in level.Mechanisms)
            {
                if (m is not null)
                {
                    return m;
                }
            }
        }
        return null;
    }

    private static int[] Identity(int n)
    {
        int[] ids = new int[n];
        for (int i = 0; i < n; i++)
        {
            ids[i] = i;
        }
        return ids;
    }

    /// <summary>Per node: does it join two or more distinct children (households for cells, cells for communities, …)?</summary>
    private static bool[] Joins(int[] nodeOfHousehold, int[] childOfHousehold, int nodes)
    {
        int[] firstChild = new int[nodes];
        Array.Fill(firstChild, -1);
        bool[] joins = new bool[nodes];
        for (int h = 0; h < nodeOfHousehold.Length; h++)
        {
            int node = nodeOfHousehold[h], child = childOfHousehold[h];
            if (firstChild[node] < 0)
            {
                firstChild[node] = child;
            }
            else if (firstChild[node] != child)
            {
                joins[node] = true;
            }
        }
        return joins;
    }
}
