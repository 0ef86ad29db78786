using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using PeerGrid.Markets.Auctions;

namespace PeerGrid.Benchmarks;

/// <summary>
/// One clearing of a random book of 10k or 100k orders (half bids, half offers, one participant each, prices
/// overlapping so about half the energy crosses). The mechanism and result are reused, as the engine reuses them
/// every slot; an operation is one order, so "Orders/s" = 10⁹ ÷ the mean ns per order (target ≥ 5 million).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(OrdersPerSecondConfig))]
public class ClearingBenchmarks
{
    private readonly OrderBook _book10K = new();
    private readonly OrderBook _book100K = new();
    private readonly ClearingResult _result = new();
    private readonly PayAsClear _payAsClear = new(PricingConvention.EquilibriumInterval, 0.5);
    private readonly PayAsBid _payAsBid = new();

    [GlobalSetup]
    public void Setup()
    {
        Fill(_book10K, 10_000, seed: 1);
        Fill(_book100K, 100_000, seed: 2);
        // Grow every buffer once, as the first slot of a run would.
        _payAsClear.Clear(_book100K, _result);
        _payAsBid.Clear(_book100K, _result);
    }

    [Benchmark(OperationsPerInvoke = 10_000)]
    public long PayAsClear10K() => Run(_payAsClear, _book10K);

    [Benchmark(OperationsPerInvoke = 100_000)]
    public long PayAsClear100K() => Run(_payAsClear, _book100K);

    [Benchmark(OperationsPerInvoke = 10_000)]
    public long PayAsBid10K() => Run(_payAsBid, _book10K);

    [Benchmark(OperationsPerInvoke = 100_000)]
    public long PayAsBid100K() => Run(_payAsBid, _book100K);

    private long Run(IClearingMechanism mechanism, OrderBook book)
    {
        mechanism.Clear(book, _result);
        return _result.TradedMicroKwh;
    }

    private static void Fill(OrderBook book, int orders, int seed)
    {
        var random = new Random(seed); // benchmark data only
        for (int i = 0; i < orders / 2; i++)
        {
            book.AddBid(i, i, random.NextInt64(50_000, 400_000), random.NextInt64(100_000, 5_000_000));
            book.AddOffer(i, orders + i, random.NextInt64(0, 350_000), random.NextInt64(100_000, 5_000_000));
        }
    }

    private sealed class OrdersPerSecondConfig : ManualConfig
    {
        public OrdersPerSecondConfig() => AddColumn(new PerSecondColumn("Orders", "Orders cleared per second on one core (10⁹ / mean ns per order)"));
    }
}
