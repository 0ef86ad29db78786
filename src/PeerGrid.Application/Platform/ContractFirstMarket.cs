using PeerGrid.Domain.Quantities;
using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Strategies;

namespace PeerGrid.Application.Platform;

/// <summary>
/// Bilateral contracts before the open market, as a decorator of the engine's <see cref="IMarketMechanism"/>, so the
/// engine's wallet budgets, connection limits and grid fallback apply unchanged (docs/platform-slots.md).
/// In list order, each contract trades min(its energy per slot, the buyer's remaining need, the seller's remaining
/// surplus, what the buyer's remaining budget buys at the contract price), in whole µkWh, paid energy × price rounded
/// half-to-even. The inner mechanism then sees the book less the contracted energy and money (a buyer's remaining
/// need also capped at what its remaining budget buys at retail, as the engine caps it), and the contract trades are
/// added to its results. A household with no need or no surplus trades nothing on a contract in that slot.
/// No allocation per slot once contracts are set.
/// </summary>
public sealed class ContractFirstMarket : IMarketMechanism
{
    private readonly IMarketMechanism _inner;
    private ContractTerms[] _contracts = [];
    private ContractFill[] _fills = [];
    private int _fillCount;

    // Per household, valid for contract parties during Clear only: _stage is 0 outside Clear, 1 once the party's
    // position is saved, 2 once what contracts left of it is shown to the inner market.
    private readonly byte[] _stage;
    private readonly double[] _savedNet;
    private readonly long[] _savedBudget;
    private readonly long[] _leftMicroKwh;
    private readonly long[] _budgetLeft;
    private readonly long[] _contractMicroKwh;
    private readonly long[] _contractPaid;

    // The inner mechanism's own results of the last slot, per household.
    private readonly double[] _marketTraded;
    private readonly double[] _marketPool;
    private readonly long[] _marketPaid;

    public ContractFirstMarket(IMarketMechanism inner, int households)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(households);
        _inner = inner;
        _stage = new byte[households];
        _savedNet = new double[households];
        _savedBudget = new long[households];
        _leftMicroKwh = new long[households];
        _budgetLeft = new long[households];
        _contractMicroKwh = new long[households];
        _contractPaid = new long[households];
        _marketTraded = new double[households];
        _marketPool = new double[households];
        _marketPaid = new long[households];
    }

    /// <summary>The open market's name: contracts are a layer in front of it.</summary>
    public string Name => _inner.Name;

    /// <summary>Batteries and generators offer into the open market when the inner mechanism takes such orders.</summary>
    public bool TradesFlexibleEnergy => _inner.TradesFlexibleEnergy;

    public IMarketMechanism Inner => _inner;

    /// <summary>The contracts of the slots to come, in matching order.</summary>
    public void SetContracts(IReadOnlyList<ContractTerms> contracts)
    {
        int n = _stage.Length;
        var copy = new ContractTerms[contracts.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            ContractTerms c = contracts[i];
            if ((uint)c.Buyer >= (uint)n || (uint)c.Seller >= (uint)n || c.Buyer == c.Seller)
            {
                throw new ArgumentException($"Contract {i} joins households {c.Buyer} and {c.Seller}: both must be distinct indices below {n}.", nameof(contracts));
            }
            if (c.MaxMicroKwh < 0 || c.PriceMicrosPerKwh < 0)
            {
                throw new ArgumentException($"Contract {i} has energy {c.MaxMicroKwh} µkWh and price {c.PriceMicrosPerKwh} µ/kWh: both must be ≥ 0.", nameof(contracts));
            }
            copy[i] = c;
        }
        _contracts = copy;
        _fills = new ContractFill[copy.Length];
        _fillCount = 0;
    }

    /// <summary>The contract trades of the last slot (energy &gt; 0 only), in contract order.</summary>
    public ReadOnlySpan<ContractFill> LastFills => _fills.AsSpan(0, _fillCount);

    /// <summary>The open market's peer energy per household in the last slot (kWh, &gt; 0 received), contracts excluded.</summary>
    public ReadOnlySpan<double> LastMarketTradedKwh => _marketTraded;

    /// <summary>The open market's pool-grid energy per household in the last slot (kWh; sharing models only).</summary>
    public ReadOnlySpan<double> LastMarketPoolGridKwh => _marketPool;

    /// <summary>What each household paid the open market in the last slot (micro-units, &lt; 0 received), contracts excluded.</summary>
    public ReadOnlySpan<long> LastMarketPaidMicros => _marketPaid;

    public void Clear(MarketSlot slot)
    {
        double[] net = slot.NetKwh;
        long[] budget = slot.BudgetMicros;
        ContractTerms[] contracts = _contracts;
        foreach (ContractTerms c in contracts)
        {
            Begin(c.Buyer, net, budget);
            Begin(c.Seller, net, budget);
        }

        _fillCount = 0;
        for (int i = 0; i < contracts.Length; i++)
        {
            ContractTerms c = contracts[i];
            int b = c.Buyer, s = c.Seller;
            if (_savedNet[b] <= 0 || _savedNet[s] >= 0)
            {
                continue;
            }
            long energy = Math.Min(Math.Min(c.MaxMicroKwh, _leftMicroKwh[b]), Math.Min(_leftMicroKwh[s], AffordableMicroKwh(_budgetLeft[b], c.PriceMicrosPerKwh)));
            if (energy <= 0)
            {
                continue;
            }
            long paid = Price.CostMicros(energy, c.PriceMicrosPerKwh);
            _leftMicroKwh[b] -= energy;
            _leftMicroKwh[s] -= energy;
            if (_budgetLeft[b] != long.MaxValue)
            {
                _budgetLeft[b] = checked(_budgetLeft[b] - paid);
            }
            _contractMicroKwh[b] = checked(_contractMicroKwh[b] + energy);
            _contractMicroKwh[s] = checked(_contractMicroKwh[s] - energy);
            _contractPaid[b] = checked(_contractPaid[b] + paid);
            _contractPaid[s] = checked(_contractPaid[s] - paid);
            _fills[_fillCount++] = new ContractFill(i, b, s, energy, paid);
        }

        long retail = slot.GridBuyMicrosPerKwh;
        foreach (ContractTerms c in contracts)
        {
            LeaveToMarket(c.Buyer, net, budget, retail);
            LeaveToMarket(c.Seller, net, budget, retail);
        }

        double[] traded = slot.TradedKwh;
        long[] paidA = slot.PaidMicros;
        try
        {
            _inner.Clear(slot);
            Array.Copy(traded, _marketTraded, _marketTraded.Length);
            Array.Copy(slot.PoolGridKwh, _marketPool, _marketPool.Length);
            Array.Copy(paidA, _marketPaid, _marketPaid.Length);
        }
        finally
        {
            // Even if the inner market throws, the book gets its positions back and the parties their clean state.
            foreach (ContractTerms c in contracts)
            {
                End(c.Buyer, net, budget, traded, paidA);
                End(c.Seller, net, budget, traded, paidA);
            }
        }
    }

    public void CloseBillingPeriod(long[] paidMicros) => _inner.CloseBillingPeriod(paidMicros);

    private void Begin(int h, double[] net, long[] budget)
    {
        if (_stage[h] != 0)
        {
            return;
        }
        _stage[h] = 1;
        double kwh = net[h];
        _savedNet[h] = kwh;
        _savedBudget[h] = budget[h];
        _budgetLeft[h] = budget[h];
        _leftMicroKwh[h] = kwh > 0 ? OrderPricer.FloorMicroKwh(kwh) : kwh < 0 ? OrderPricer.FloorMicroKwh(-kwh) : 0;
        _contractMicroKwh[h] = 0;
        _contractPaid[h] = 0;
    }

    /// <summary>Shows the inner market what contracts left of a party's position and budget (once per party).</summary>
    private void LeaveToMarket(int h, double[] net, long[] budget, long retail)
    {
        if (_stage[h] != 1)
        {
            return;
        }
        _stage[h] = 2;
        long contracted = _contractMicroKwh[h];
        if (contracted == 0)
        {
            return;
        }
        double kwh = contracted / (double)MeteredEnergy.MicroKwhPerKwh;
        if (contracted > 0)
        {
            // A contract dearer than retail may leave the budget short of the rest at retail: cap it as the engine does.
            net[h] = Math.Max(0, Math.Min(_savedNet[h] - kwh, AffordableKwh(_budgetLeft[h], retail)));
            budget[h] = _budgetLeft[h];
        }
        else
        {
            net[h] = Math.Min(0, _savedNet[h] - kwh);
        }
    }

    private void End(int h, double[] net, long[] budget, double[] traded, long[] paid)
    {
        if (_stage[h] == 0)
        {
            return;
        }
        _stage[h] = 0;
        net[h] = _savedNet[h];
        budget[h] = _savedBudget[h];
        long contracted = _contractMicroKwh[h];
        if (contracted != 0)
        {
            traded[h] += contracted / (double)MeteredEnergy.MicroKwhPerKwh;
            paid[h] = checked(paid[h] + _contractPaid[h]);
        }
    }

    /// <summary>The most whole µkWh <paramref name="budgetMicros"/> pays for at <paramref name="priceMicrosPerKwh"/>, cost rounded half-to-even.</summary>
    private static long AffordableMicroKwh(long budgetMicros, long priceMicrosPerKwh)
    {
        if (budgetMicros == long.MaxValue || priceMicrosPerKwh <= 0)
        {
            return long.MaxValue;
        }
        // ⌊budget × 10⁶ ÷ price⌋ µkWh costs at most the budget before rounding, so the rounded cost (an integer
        // nearest a value ≤ the integer budget) is at most the budget too.
        Int128 micro = (Int128)budgetMicros * MeteredEnergy.MicroKwhPerKwh / priceMicrosPerKwh;
        return micro > long.MaxValue ? long.MaxValue : (long)micro;
    }

    /// <summary>The engine's rule (SimulationEngine.AffordableKwh): one µkWh short, so metering never rounds above the budget.</summary>
    private static double AffordableKwh(long budgetMicros, long priceMicrosPerKwh)
    {
        if (budgetMicros == long.MaxValue || priceMicrosPerKwh <= 0)
        {
            return double.PositiveInfinity;
        }
        double microKwh = Math.Floor(budgetMicros * (double)MeteredEnergy.MicroKwhPerKwh / priceMicrosPerKwh) - 1;
        return Math.Max(0, microKwh) / MeteredEnergy.MicroKwhPerKwh;
    }
}
