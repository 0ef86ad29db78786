using System.Globalization;

namespace PeerGrid.Markets.Settlement;

/// <summary>
/// An account's number in one ledger, which is also the index of its balance. The system accounts have the
/// fixed numbers 0–3 (<see cref="AccountKind"/>); household <c>h</c> (the engine's household index) is account
/// <c>4 + h</c>. System numbers come first so they never move when a community grows.
/// </summary>
public readonly record struct AccountId
{
    /// <summary>The account number of household 0.</summary>
    public const int FirstHouseholdNumber = (int)AccountKind.Household;

    public static readonly AccountId Funding = new((int)AccountKind.Funding);
    public static readonly AccountId Utility = new((int)AccountKind.Utility);
    public static readonly AccountId GridOperator = new((int)AccountKind.GridOperator);
    public static readonly AccountId PlatformOperator = new((int)AccountKind.PlatformOperator);

    /// <param name="number">The account number, ≥ 0.</param>
    public AccountId(int number)
    {
        if (number < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "An account number must be ≥ 0.");
        }
        Number = number;
    }

    /// <summary>The account number, ≥ 0.</summary>
    public int Number { get; }

    /// <summary>The wallet of household <paramref name="householdIndex"/> (≥ 0, the engine's index).</summary>
    public static AccountId ForHousehold(int householdIndex)
    {
        if (householdIndex < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(householdIndex), householdIndex, "A household index must be ≥ 0.");
        }
        return new AccountId(checked(FirstHouseholdNumber + householdIndex));
    }

    public AccountKind Kind => Number >= FirstHouseholdNumber ? AccountKind.Household : (AccountKind)Number;

    public bool IsHousehold => Number >= FirstHouseholdNumber;

    /// <summary>The engine's household index of a wallet; throws for a system account.</summary>
    public int HouseholdIndex => IsHousehold
        ? Number - FirstHouseholdNumber
        : throw new InvalidOperationException($"Account {Number} ({Kind}) is a system account, not a household wallet.");

    /// <summary>"household 17" or the system account's kind, e.g. "Utility".</summary>
    public override string ToString() => IsHousehold
        ? "household " + HouseholdIndex.ToString(CultureInfo.InvariantCulture)
        : Kind.ToString();
}
