using PeerGrid.Domain.Quantities;
using PeerGrid.Markets.Settlement;
using Outcome = PeerGrid.Markets.Tests.Settlement.ReferenceLedger.Outcome;

namespace PeerGrid.Markets.Tests.Settlement;

/// <summary>
/// Thousands of seeded random sequences of transfers, batches, duplicate keys and limit changes, with random
/// accounts, amounts and credit limits. After every operation: Σ balances = 0, no wallet below −limit, and every
/// balance and total equal to a naive reference; at the end of each sequence, balances and totals recomputed
/// from the transfer log alone.
/// </summary>
public class LedgerInvariantTests
{
    private const int SequencesPerChunk = 1_000;
    private const int OperationsPerSequence = 40;
    private static readonly TransferKind[] Kinds = Enum.GetValues<TransferKind>();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void RandomSequences_KeepEveryInvariant_AndAgreeWithANaiveReference(int chunk)
    {
        var outcomes = new Dictionary<Outcome, int>();
        for (int seed = chunk * SequencesPerChunk; seed < (chunk + 1) * SequencesPerChunk; seed++)
        {
            RunSequence(seed, outcomes);
        }

        // The random mix must actually reach every path, or the invariants above prove little.
        Assert.True(outcomes.GetValueOrDefault(Outcome.Posted) > 10_000, $"posted: {outcomes.GetValueOrDefault(Outcome.Posted)}");
        Assert.True(outcomes.GetValueOrDefault(Outcome.InsufficientFunds) > 1_000, $"refused: {outcomes.GetValueOrDefault(Outcome.InsufficientFunds)}");
        Assert.True(outcomes.GetValueOrDefault(Outcome.AlreadySettled) > 1_000, $"duplicates: {outcomes.GetValueOrDefault(Outcome.AlreadySettled)}");
        Assert.True(outcomes.GetValueOrDefault(Outcome.Overflow) > 100, $"overflows: {outcomes.GetValueOrDefault(Outcome.Overflow)}");
    }

    private static void RunSequence(int seed, Dictionary<Outcome, int> outcomes)
    {
        var random = new Random(seed); // test data only; src never uses System.Random
        int households = random.Next(1, 7);
        bool whale = seed % 10 == 0; // amounts near long.MaxValue, to reach overflow
        long defaultLimit = random.Next(3) == 0 ? random.Next(0, 2_000) : 0;
        var ledger = new Ledger(households, new Money(defaultLimit));
        var reference = new ReferenceLedger(households, defaultLimit);
        var journal = new TransferJournal();
        ledger.AddObserver(journal);
        var batch = new TransferBatch(capacity: 1); // small, so growth is exercised too
        var keys = new List<SettlementKey>();
        var transfers = new List<Transfer>();
        int community = seed % 3;
        int slot = 0;

        for (int op = 0; op < OperationsPerSequence; op++)
        {
            int choice = random.Next(100);
            if (choice < 10)
            {
                int household = random.Next(households);
                long limit = whale ? random.NextInt64(0, long.MaxValue) : random.Next(0, 3_000);
                bool expected = reference.TrySetLimit(household, limit);
                Assert.Equal(expected, ledger.TrySetCreditLimit(AccountId.ForHousehold(household), new Money(limit)));
            }
            else
            {
                SettlementKey key = choice < 20 && keys.Count > 0 ? keys[random.Next(keys.Count)]
                    : choice < 45 ? SettlementKey.ForRequest(new Guid(random.Next(), (short)seed, (short)op, new byte[8]))
                    : SettlementKey.ForSlot(community, slot++);
                transfers.Clear();
                int count = choice is >= 20 and < 45 ? 1 : random.Next(0, 9);
                for (int i = 0; i < count; i++)
                {
                    transfers.Add(RandomTransfer(random, households, slot, whale));
                }
                Outcome outcome = PostAndCompare(ledger, reference, batch, key, transfers, single: choice is >= 20 and < 45);
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                if (outcome == Outcome.Posted)
                {
                    keys.Add(key);
                }
            }
            AssertInvariants(ledger, reference, journal, seed, op);
        }
        AssertLogExplainsLedger(ledger, journal, seed);
    }

    private static Outcome PostAndCompare(Ledger ledger, ReferenceLedger reference, TransferBatch batch, SettlementKey key, List<Transfer> transfers, bool single)
    {
        (Outcome expected, int index, Int128 shortfall) = reference.Post(key, transfers);
        if (single)
        {
            if (expected == Outcome.Overflow)
            {
                Assert.Throws<OverflowException>(() => ledger.TryTransfer(key, transfers[0], out _));
                return expected;
            }
            TransferRefusal refusal = ledger.TryTransfer(key, transfers[0], out Transfer posted);
            Assert.Equal(Refusal(expected), refusal);
            Assert.Equal(expected == Outcome.Posted, posted.IsPosted);
            return expected;
        }

        batch.Reset(key);
        foreach (Transfer t in transfers)
        {
            batch.Add(t);
        }
        if (expected == Outcome.Overflow)
        {
            Assert.Throws<OverflowException>(() => ledger.Post(batch));
            return expected;
        }
        PostResult result = ledger.Post(batch);
        Assert.Equal(Refusal(expected), result.Refusal);
        Assert.Equal(index, result.RefusedIndex);
        Assert.Equal(shortfall, result.Shortfall.Micros);
        if (expected == Outcome.Posted)
        {
            Assert.Equal(transfers.Count, result.Batch.Count);
            Assert.Equal(ledger.TransferCount - transfers.Count + 1, result.Batch.FirstSequence);
        }
        return expected;
    }

    private static TransferRefusal Refusal(Outcome outcome) => outcome switch
    {
        Outcome.Posted => TransferRefusal.None,
        Outcome.InsufficientFunds => TransferRefusal.InsufficientFunds,
        _ => TransferRefusal.AlreadySettled,
    };

    private static Transfer RandomTransfer(Random random, int households, int slot, bool whale)
    {
        TransferKind kind = Kinds[random.Next(Kinds.Length)];
        long amount = whale ? random.NextInt64(1, long.MaxValue / 2)
            : kind == TransferKind.TopUp ? random.NextInt64(1, 5_000)
            : random.NextInt64(1, 1_000);
        AccountId from = kind == TransferKind.TopUp ? AccountId.Funding : RandomNonFunding(random, households);
        AccountId to = kind == TransferKind.Withdrawal ? AccountId.Funding : RandomNonFunding(random, households);
        while (to == from)
        {
            to = RandomNonFunding(random, households);
        }
        return new Transfer(from, to, new Money(amount), kind, slot, new TransferReference(random.Next(0, 100)));
    }

    private static AccountId RandomNonFunding(Random random, int households) => random.Next(10) < 7
        ? AccountId.ForHousehold(random.Next(households))
        : new AccountId(random.Next(1, AccountId.FirstHouseholdNumber));

    private static void AssertInvariants(Ledger ledger, ReferenceLedger reference, TransferJournal journal, int seed, int op)
    {
        Assert.True(ledger.ComputeTrialBalance().IsBalanced, $"seed {seed}, op {op}: Σ balances ≠ 0");
        for (int a = 0; a < ledger.AccountCount; a++)
        {
            var account = new AccountId(a);
            Assert.Equal(reference.Balance(a), (Int128)ledger.Balance(account).Micros);
            if (account.IsHousehold)
            {
                long limit = ledger.CreditLimit(account).Micros;
                Assert.Equal(reference.Limit(account.HouseholdIndex), limit);
                Assert.True(ledger.Balance(account).Micros >= -limit, $"seed {seed}, op {op}: {account} below −limit");
                Assert.Equal(Int128.Min((Int128)ledger.Balance(account).Micros + limit, long.MaxValue), (Int128)ledger.AvailableToPay(account).Micros);
            }
            foreach (TransferKind kind in Kinds)
            {
                KindTotals totals = ledger.Totals(account, kind);
                Assert.Equal(reference.Totals(a, kind), ((Int128)totals.Debited.Micros, (Int128)totals.Credited.Micros));
            }
        }
        Assert.Equal(journal.Transfers.Count, ledger.TransferCount);
        Assert.Equal(journal.Batches.Count, ledger.BatchCount);
    }

    private static void AssertLogExplainsLedger(Ledger ledger, TransferJournal journal, int seed)
    {
        var balances = new Int128[ledger.AccountCount];
        var debited = new Int128[ledger.AccountCount, Kinds.Length];
        var credited = new Int128[ledger.AccountCount, Kinds.Length];
        for (int i = 0; i < journal.Transfers.Count; i++)
        {
            Transfer t = journal.Transfers[i];
            Assert.Equal(i + 1, t.Sequence);
            Assert.True(t.Amount.Micros > 0 && t.From != t.To);
            balances[t.From.Number] -= t.Amount.Micros;
            balances[t.To.Number] += t.Amount.Micros;
            debited[t.From.Number, (int)t.Kind] += t.Amount.Micros;
            credited[t.To.Number, (int)t.Kind] += t.Amount.Micros;
        }

        var keys = new HashSet<SettlementKey>();
        for (int b = 0; b < journal.Batches.Count; b++)
        {
            PostedBatch batch = journal.Batches[b];
            Assert.Equal(b + 1, batch.Number);
            Assert.True(keys.Add(batch.Key), $"seed {seed}: {batch.Key} settled twice");
            for (long s = batch.FirstSequence; s < batch.FirstSequence + batch.Count; s++)
            {
                Assert.Equal(batch.Number, journal.Transfers[(int)(s - 1)].Batch);
            }
        }

        for (int a = 0; a < ledger.AccountCount; a++)
        {
            var account = new AccountId(a);
            Int128 netOfKinds = 0;
            for (int k = 0; k < Kinds.Length; k++)
            {
                KindTotals totals = ledger.Totals(account, Kinds[k]);
                Assert.Equal(debited[a, k], (Int128)totals.Debited.Micros);
                Assert.Equal(credited[a, k], (Int128)totals.Credited.Micros);
                netOfKinds += credited[a, k] - debited[a, k];
            }
            Assert.Equal(balances[a], (Int128)ledger.Balance(account).Micros);
            Assert.Equal(balances[a], netOfKinds);
        }
    }
}
