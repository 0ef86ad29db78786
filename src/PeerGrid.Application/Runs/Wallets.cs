using System.Text.Json.Serialization;
using PeerGrid.Domain.Households;
using PeerGrid.Domain.Quantities;
using PeerGrid.Markets.Settlement;
using PeerGrid.Simulation.Observers;
using PeerGrid.Simulation.Scenarios;

namespace PeerGrid.Application.Runs;

/// <summary>One wallet at the end of a run (summary.json "wallets"): currency units and kWh.</summary>
public sealed record WalletSummary(string Id, decimal InitialBalance, decimal CreditLimit, decimal FinalBalance, decimal PlatformSubscriptionUnpaid, double UnmetUnaffordableKwh);

/// <summary>
/// The scenario's wallets as a ledger: each household with a "wallet" is topped up with its initial balance and gets its
/// credit limit; a household without one gets an unlimited credit line, so money never limits it. None when no household
/// declares a wallet (the run then has no settlement, as before).
/// </summary>
public static class Wallets
{
    /// <summary>Unlimited in practice: the ledger then reports a spendable amount the engine treats as no limit.</summary>
    private static readonly Money NoLimit = new(long.MaxValue);

    public static Ledger? CreateLedger(Scenario scenario)
    {
        IReadOnlyList<Household> hs = scenario.Households;
        if (!hs.Any(h => h.Wallet is not null))
        {
            return null;
        }
        var ledger = new Ledger(hs.Count);
        for (int h = 0; h < hs.Count; h++)
        {
            AccountId account = AccountId.ForHousehold(h);
            if (hs[h].Wallet is not { } wallet)
            {
                ledger.TrySetCreditLimit(account, NoLimit);
                continue;
            }
            ledger.TrySetCreditLimit(account, Money.FromDecimal(wallet.CreditLimit));
            if (wallet.InitialBalance > 0)
            {
                // Deterministic request ids: the household's index, so the same scenario gives the same ledger.
                var key = SettlementKey.ForRequest(new Guid(h, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1));
                var topUp = new Transfer(AccountId.Funding, account, Money.FromDecimal(wallet.InitialBalance), TransferKind.TopUp, 0);
                if (ledger.TryTransfer(key, topUp, out _) != TransferRefusal.None)
                {
                    throw new InvalidOperationException($"The initial balance of household '{hs[h].Id}' could not be posted.");
                }
            }
        }
        return ledger;
    }

    /// <summary>Per household with a wallet: its balances, unpaid subscription and the demand money left unmet.</summary>
    public static IReadOnlyList<WalletSummary>? Summarise(Scenario scenario, Ledger? ledger, RunTotals totals)
    {
        if (ledger is null)
        {
            return null;
        }
        var list = new List<WalletSummary>();
        for (int h = 0; h < scenario.Households.Count; h++)
        {
            if (scenario.Households[h].Wallet is { } wallet)
            {
                list.Add(new WalletSummary(
                    scenario.Households[h].Id,
                    wallet.InitialBalance,
                    wallet.CreditLimit,
                    ledger.Balance(AccountId.ForHousehold(h)).Micros / 1_000_000m,
                    totals.SubscriptionUnpaidMicros[h] / 1_000_000m,
                    totals.UnmetUnaffordableKwh[h]));
            }
        }
        return list;
    }
}
