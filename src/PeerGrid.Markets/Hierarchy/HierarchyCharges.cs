using PeerGrid.Domain;

namespace PeerGrid.Markets.Hierarchy;

/// <summary>
/// What trading across a <see cref="HierarchicalMarket"/> costs: a grid fee per level (charged by every market of that
/// level a trade passes through), the fraction of energy lost per level crossing, and the platform operator's fee.
/// </summary>
/// <param name="CellFee">Fee of every cell market a trade passes through (the seller's cell and, if different, the buyer's).</param>
/// <param name="CommunityFee">Fee of every community market a trade passes through.</param>
/// <param name="RegionFee">Fee of the region market (only trades between communities pass through it).</param>
/// <param name="LossPerCrossing">
/// Fraction of the energy lost each time it crosses a level boundary, up or down, 0 … 0.5: a trade matched in a
/// community market crosses twice (cell → community → cell), one matched in a region market four times. Default 0.
/// </param>
/// <param name="PlatformFeeMicrosPerKwh">
/// The community platform operator's fee, micro-units per kWh traded between households at any level, ≥ 0; the buyer
/// pays it. Default 0.
/// </param>
public sealed record HierarchyCharges(
    GridFee CellFee,
    GridFee CommunityFee,
    GridFee RegionFee,
    double LossPerCrossing = 0,
    long PlatformFeeMicrosPerKwh = 0)
{
    /// <summary>No fees, no losses: a hierarchy of plain auctions.</summary>
    public static HierarchyCharges None { get; } = new(GridFee.None, GridFee.None, GridFee.None);

    public GridFee FeeAt(HierarchyLevel level) => level switch
    {
        HierarchyLevel.Cell => CellFee,
        HierarchyLevel.Community => CommunityFee,
        HierarchyLevel.Region => RegionFee,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown hierarchy level."),
    };

    internal void Validate()
    {
        CellFee.Validate(nameof(CellFee));
        CommunityFee.Validate(nameof(CommunityFee));
        RegionFee.Validate(nameof(RegionFee));
        Preconditions.InRange(LossPerCrossing, 0, 0.5);
        if (PlatformFeeMicrosPerKwh < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(PlatformFeeMicrosPerKwh), PlatformFeeMicrosPerKwh, "PlatformFeeMicrosPerKwh must be ≥ 0.");
        }
    }
}
