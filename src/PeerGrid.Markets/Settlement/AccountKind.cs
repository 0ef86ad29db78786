namespace PeerGrid.Markets.Settlement;

/// <summary>
/// What an account stands for. The values are also the fixed account numbers of the four system accounts
/// (<see cref="AccountId"/>), so never renumber them: persisted ledgers store them.
/// </summary>
public enum AccountKind
{
    /// <summary>The world outside the community: top-ups come from it, withdrawals go to it. Unlimited.</summary>
    Funding = 0,

    /// <summary>The energy utility: paid for grid imports, pays for grid exports. Unlimited.</summary>
    Utility = 1,

    /// <summary>The distribution grid operator: receives network fees. Unlimited.</summary>
    GridOperator = 2,

    /// <summary>The platform / community operator: receives platform fees and the Huang trade-reduction surplus. Unlimited.</summary>
    PlatformOperator = 3,

    /// <summary>A household's wallet: may not go below minus its credit limit.</summary>
    Household = 4,
}
