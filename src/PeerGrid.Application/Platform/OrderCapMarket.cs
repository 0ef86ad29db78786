using PeerGrid.Domain.Trading;

namespace PeerGrid.Application.Platform;

/// <summary>
/// Caps what each household may buy or sell in the open market in one slot (its orders' energy on the platform):
/// the inner mechanism sees the need or surplus clamped to the cap, and whatever it leaves falls to the grid as
/// usual. Sits between the contracts and the community's mechanism, so contracts are not capped. Households without
/// a cap (+∞) are untouched; nothing is allocated per slot.
/// </summary>
public sealed class OrderCapMarket : IMarketMechanism
{
    private readonly IMarketMechanism _inner;
    private readonly double[] _buyCapKwh;
    private readonly double[] _sellCapKwh;
    private readonly double[] _saved;
    private readonly int[] _capped;
    private int _cappedCount;

    public OrderCapMarket(IMarketMechanism inner, int households)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _buyCapKwh = new double[households];
        _sellCapKwh = new double[households];
        _saved = new double[households];
        _capped = new int[households];
        Array.Fill(_buyCapKwh, double.PositiveInfinity);
        Array.Fill(_sellCapKwh, double.PositiveInfinity);
    }

    public string Name => _inner.Name;

    public bool TradesFlexibleEnergy => _inner.TradesFlexibleEnergy;

    /// <summary>Sets household <paramref name="h"/>'s caps for the next slots (kWh ≥ 0; +∞ = none).</summary>
    public void SetCaps(int h, double buyCapKwh, double sellCapKwh)
    {
        if (!(buyCapKwh >= 0) || !(sellCapKwh >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(buyCapKwh), $"caps must be ≥ 0 kWh (got {buyCapKwh}, {sellCapKwh})");
        }
        _buyCapKwh[h] = buyCapKwh;
        _sellCapKwh[h] = sellCapKwh;
    }

    public void Clear(MarketSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        double[] net = slot.NetKwh;
        _cappedCount = 0;
        for (int h = 0; h < net.Length; h++)
        {
            double x = net[h];
            double clamped = x > 0 ? Math.Min(x, _buyCapKwh[h]) : x < 0 ? Math.Max(x, -_sellCapKwh[h]) : x;
            if (clamped != x)
            {
                _saved[h] = x;
                _capped[_cappedCount++] = h;
                net[h] = clamped;
            }
        }
        try
        {
            _inner.Clear(slot);
        }
        finally
        {
            for (int i = 0; i < _cappedCount; i++)
            {
                net[_capped[i]] = _saved[_capped[i]];
            }
        }
    }

    public void CloseBillingPeriod(long[] paidMicros) => _inner.CloseBillingPeriod(paidMicros);
}
