namespace PeerGrid.Persistence.Entities;

/// <summary>
/// A ledger account. Balances change only together with an immutable <see cref="LedgerTransferRecord"/> in the same
/// transaction, and the sum of all balances is zero. Money in micro-units of the community's currency.
/// </summary>
public sealed class LedgerAccountRecord
{
    public long Id { get; set; }
    public long CommunityId { get; set; }

    /// <summary>One of <see cref="AccountKinds"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The household whose wallet this is (kind "household").</summary>
    public long? HouseholdId { get; set; }

    public long BalanceMicros { get; set; }

    /// <summary>How far below zero the balance may go (≥ 0; 0 = no credit). Only wallets are limited.</summary>
    public long CreditLimitMicros { get; set; }
}

/// <summary>The ledger's accounts besides wallets.</summary>
public static class AccountKinds
{
    public const string Household = "household";

    /// <summary>The retailer households import from and export to at the tariff.</summary>
    public const string Utility = "utility";

    /// <summary>Network fees.</summary>
    public const string GridOperator = "grid-operator";

    /// <summary>The community operator: the market's central counterparty (buyers pay it, it pays sellers; ADR 0005), and what
    /// stays with it is the operator's revenue (platform fees).</summary>
    public const string Platform = "platform";


    /// <summary>Money entering and leaving the platform: top-ups and withdrawals (a bank or card processor).</summary>
    public const string Payments = "payments";

    public static IReadOnlyList<string> System { get; } = [Utility, GridOperator, Platform, Payments];
}

/// <summary>An immutable movement of money between two accounts of one community.</summary>
public sealed class LedgerTransferRecord
{
    public long Id { get; set; }
    public long CommunityId { get; set; }
    public long FromAccountId { get; set; }
    public long ToAccountId { get; set; }

    /// <summary>&gt; 0, micro-units.</summary>
    public long AmountMicros { get; set; }

    /// <summary>What it pays for: "topup", "withdrawal", "grid-import", "grid-export", "fuel", "p2p-energy", "sharing", "grid-fee"</summary>
    public string Kind { get; set; } = "";

    /// <summary>
    /// Its time on the simulated clock: the slot it settles, for transfers the clock makes; the slot next to settle
    /// when it was made, for top-ups and withdrawals (the TransferSlots migration filled it in for older ones).
    /// </summary>
    public long? Slot { get; set; }

    public string? Reference { get; set; }
    public DateTimeOffset CreatedUtc { get; set; }
}

/// <summary>
/// The first answer to a request carrying an Idempotency-Key: a retry with the same key and body gets it back and
/// moves no money; the same key with another body is refused.
/// </summary>
public sealed class IdempotencyRecord
{
    public string UserId { get; set; } = "";
    public string Key { get; set; } = "";
    public string Operation { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public int StatusCode { get; set; }
    public string ResponseJson { get; set; } = "";
    public DateTimeOffset CreatedUtc { get; set; }
}
