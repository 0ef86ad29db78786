using PeerGrid.Markets.Settlement;

namespace PeerGrid.Application.Platform;

/// <summary>
/// Names of the ledger's accounts in live outcomes (docs/ledger.md, "Accounts"): one wallet per household and the
/// ledger's system accounts. The platform operator's account is also the market's central counterparty: buyers on
/// the open market and on contracts pay into it and sellers are paid from it (<see cref="LedgerSettlement"/>).
/// </summary>
public static class LiveAccounts
{
    public const string Funding = "funding";
    public const string Utility = "utility";
    public const string GridOperator = "grid-operator";
    public const string PlatformOperator = "platform";

    /// <summary>"household:{id}".</summary>
    public static string Household(string householdId) => "household:" + householdId;

    internal static string Name(AccountId account, IReadOnlyList<string> householdIds) => account.Kind switch
    {
        AccountKind.Household => Household(householdIds[account.HouseholdIndex]),
        AccountKind.Utility => Utility,
        AccountKind.GridOperator => GridOperator,
        AccountKind.PlatformOperator => PlatformOperator,
        _ => Funding,
    };
}
