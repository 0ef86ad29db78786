namespace PeerGrid.Markets.Hierarchy;

/// <summary>
/// Who sits where in a <see cref="HierarchicalMarket"/>: each household's cell, each cell's community, each community's
/// region (indices from 0), and each cell's import and export capacity in kWh per slot (null = unlimited). A region may
/// hold a single community and a community a single cell; one cell in one community in one region is a flat market.
/// Cycles cannot be expressed: every level points only to the level above.
/// </summary>
public sealed class HierarchyTopology
{
    private readonly int[] _cellOfHousehold;
    private readonly int[] _communityOfCell;
    private readonly int[] _regionOfCommunity;
    private readonly double?[] _importCapacityKwh;
    private readonly double?[] _exportCapacityKwh;

    /// <param name="cellOfHousehold">Per household, its cell (0 … cells − 1).</param>
    /// <param name="communityOfCell">Per cell, its community (0 … communities − 1); its length is the number of cells.</param>
    /// <param name="regionOfCommunity">Per community, its region (0 … regions − 1); its length is the number of communities.</param>
    /// <param name="importCapacityKwh">Per cell, the most energy its households may receive from other cells in one slot, kWh ≥ 0; null (or a null entry) = unlimited.</param>
    /// <param name="exportCapacityKwh">Per cell, the most energy its households may send to other cells in one slot, kWh ≥ 0; null = unlimited.</param>
    public HierarchyTopology(
        IReadOnlyList<int> cellOfHousehold,
        IReadOnlyList<int> communityOfCell,
        IReadOnlyList<int> regionOfCommunity,
        IReadOnlyList<double?>? importCapacityKwh = null,
        IReadOnlyList<double?>? exportCapacityKwh = null)
    {
        _cellOfHousehold = [.. cellOfHousehold];
        _communityOfCell = [.. communityOfCell];
        _regionOfCommunity = [.. regionOfCommunity];
        CheckIndices(_cellOfHousehold, _communityOfCell.Length, nameof(cellOfHousehold), "cell");
        CheckIndices(_communityOfCell, _regionOfCommunity.Length, nameof(communityOfCell), "community");
        CheckIndices(_regionOfCommunity, int.MaxValue, nameof(regionOfCommunity), "region");
        RegionCount = _regionOfCommunity.Length == 0 ? 0 : _regionOfCommunity.Max() + 1;
        _importCapacityKwh = Capacities(importCapacityKwh, _communityOfCell.Length, nameof(importCapacityKwh));
        _exportCapacityKwh = Capacities(exportCapacityKwh, _communityOfCell.Length, nameof(exportCapacityKwh));
    }

    /// <summary>Every household in one cell, one community, one region, without capacity limits.</summary>
    public static HierarchyTopology Flat(int households) => new(new int[households], [0], [0]);

    public int HouseholdCount => _cellOfHousehold.Length;

    public int CellCount => _communityOfCell.Length;

    public int CommunityCount => _regionOfCommunity.Length;

    public int RegionCount { get; }

    public int CellOf(int household) => _cellOfHousehold[household];

    public int CommunityOf(int cell) => _communityOfCell[cell];

    public int RegionOf(int community) => _regionOfCommunity[community];

    /// <summary>kWh per slot the cell's households may receive from outside the cell; null = unlimited.</summary>
    public double? ImportCapacityKwh(int cell) => _importCapacityKwh[cell];

    /// <summary>kWh per slot the cell's households may send outside the cell; null = unlimited.</summary>
    public double? ExportCapacityKwh(int cell) => _exportCapacityKwh[cell];

    private static void CheckIndices(int[] parents, int count, string name, string what)
    {
        for (int i = 0; i < parents.Length; i++)
        {
            if (parents[i] < 0 || parents[i] >= count)
            {
                throw new ArgumentOutOfRangeException(name, parents[i], $"{name}[{i}] = {parents[i]} is not a {what} index (0 … {count - 1}).");
            }
        }
    }

    private static double?[] Capacities(IReadOnlyList<double?>? given, int cells, string name)
    {
        if (given is null)
        {
            return new double?[cells];
        }
        if (given.Count != cells)
        {
            throw new ArgumentException($"{name} has {given.Count} entries for {cells} cells.", name);
        }
        double?[] result = [.. given];
        for (int c = 0; c < result.Length; c++)
        {
            if (result[c] is { } v && !(double.IsFinite(v) && v >= 0))
            {
                throw new ArgumentOutOfRangeException(name, v, $"{name}[{c}] must be a finite number ≥ 0 kWh (or null for unlimited).");
            }
        }
        return result;
    }
}
