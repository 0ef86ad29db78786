using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using PeerGrid.Domain.Quantities;
using PeerGrid.Markets.Settlement;

namespace PeerGrid.Benchmarks;

/// <summary>
/// One slot's settlement of 100,000 households: a batch of 100,000 transfers (60 % P2P to a scattered peer,
/// 20 % grid imports, 10 % exports, 10 % grid fees) built and posted atomically. Times are per transfer.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LedgerBenchmarkConfig))]
public class LedgerBenchmarks
{
    private const int Households = 100_000;

    private Ledger _ledger = null!;
    private TransferBatch _batch = null!;
    private int _slot;
    private long _observedMicros;

    [GlobalSetup]
    public void Setup()
    {
        _ledger = new Ledger(Households);
        _batch = new TransferBatch(Households);
        _batch.Reset(SettlementKey.ForSlot(1, 0));
        for (int h = 0; h < Households; h++)
        {
            // 10⁶ currency units each: enough for millions of slots, so no iteration is refused, while the
            // funding account's −10¹¹ units stay well inside a long of micro-units.
            _batch.Add(new Transfer(AccountId.Funding, AccountId.ForHousehold(h), new Money(1_000_000 * Money.MicrosPerUnit), TransferKind.TopUp, 0));
        }
        if (!_ledger.Post(_batch).IsPosted)
        {
            throw new InvalidOperationException("Setup top-up refused.");
        }
        _slot = 0;
    }

    [GlobalSetup(Target = nameof(BuildAndPostWithStreamingObserver))]
    public void SetupWithObserver()
    {
        Setup();
        _ledger.AddObserver(new SummingObserver(this));
    }

    /// <summary>Baseline: constructing and appending the transfers, without posting.</summary>
    [Benchmark(OperationsPerInvoke = Households)]
    public int BuildOnly()
    {
        BuildSlot(SettlementKey.ForSlot(0, _slot++));
        return _batch.Count;
    }

    /// <summary>What the engine pays per slot: build the batch, validate and apply it all-or-nothing.</summary>
    [Benchmark(OperationsPerInvoke = Households)]
    public long BuildAndPost()
    {
        BuildSlot(SettlementKey.ForSlot(0, _slot++));
        return _ledger.Post(_batch).Batch.Count;
    }

    /// <summary>As above, with an observer reading every posted transfer (the floor of CSV export or persistence).</summary>
    [Benchmark(OperationsPerInvoke = Households)]
    public long BuildAndPostWithStreamingObserver()
    {
        BuildSlot(SettlementKey.ForSlot(0, _slot++));
        return _ledger.Post(_batch).Batch.Count + _observedMicros;
    }

    private void BuildSlot(SettlementKey key)
    {
        int slot = (int)key.Number;
        TransferBatch batch = _batch;
        batch.Reset(key);
        for (int h = 0; h < Households; h++)
        {
            AccountId household = AccountId.ForHousehold(h);
            // 7919 is prime to 100,000, so h → peer is a permutation that scatters peers over memory like a
            // real order book would.
            int peer = (int)(((h * 7919L) + 13) % Households);
            if (peer == h)
            {
                peer = (h + 1) % Households;
            }
            batch.Add((h % 10) switch
            {
                < 6 => new Transfer(household, AccountId.ForHousehold(peer), new Money(150_000), TransferKind.P2PEnergy, slot, new TransferReference(h + 1, (2L * h) + 1, (2L * h) + 2)),
                < 8 => new Transfer(household, AccountId.Utility, new Money(300_000), TransferKind.GridImport, slot),
                8 => new Transfer(AccountId.Utility, household, new Money(80_000), TransferKind.GridExport, slot),
                _ => new Transfer(household, AccountId.GridOperator, new Money(9_000), TransferKind.GridFee, slot),
            });
        }
    }

    private sealed class SummingObserver(LedgerBenchmarks owner) : ILedgerObserver
    {
        public void OnPosted(in PostedBatch batch, ReadOnlySpan<Transfer> transfers)
        {
            long sum = 0;
            foreach (ref readonly Transfer t in transfers)
            {
                sum += t.Amount.Micros;
            }
            owner._observedMicros = sum;
        }
    }

    private sealed class LedgerBenchmarkConfig : ManualConfig
    {
        public LedgerBenchmarkConfig() => AddColumn(new PerSecondColumn("Transfers", "Transfers posted per second on one core (10⁹ / mean ns per transfer)"));
    }
}
