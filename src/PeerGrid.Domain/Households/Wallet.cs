namespace PeerGrid.Domain.Households;

/// <summary>
/// A household's wallet on the trading platform: the money it starts with and how far it may overdraw, both in currency
/// units (≥ 0, at most 6 decimals). A household with a wallet never spends beyond balance + credit limit: what it cannot
/// pay for is unmet demand (docs/ledger.md). A household without one is not limited by money.
/// </summary>
public sealed record Wallet(decimal InitialBalance = 0, decimal CreditLimit = 0)
{
    /// <summary>Most money a wallet may start with or overdraw, currency units: far below the ledger's ±9.2 × 10¹².</summary>
    public const decimal MaxAmount = 1_000_000_000;

    public void Validate(string path, ValidationErrors errors)
    {
        Check($"{path}.initialBalance", InitialBalance, "the money the wallet starts with", errors);
        Check($"{path}.creditLimit", CreditLimit, "how far the wallet may go below zero (0 = no overdraft)", errors);
    }

    private static void Check(string path, decimal amount, string what, ValidationErrors errors)
    {
        if (amount < 0 || amount > MaxAmount)
        {
            errors.Add(path, $"must be between 0 and {MaxAmount:0} currency units (got {amount})", $"give {what} in currency units, e.g. 50");
        }
        else if (amount * 1_000_000 != decimal.Truncate(amount * 1_000_000))
        {
            errors.Add(path, $"{amount} has more than 6 decimal places", "round it to at most 6 decimal places (0.000001 currency units)");
        }
    }
}
