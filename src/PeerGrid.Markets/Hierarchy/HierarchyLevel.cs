namespace PeerGrid.Markets.Hierarchy;

/// <summary>The three market levels of a <see cref="HierarchicalMarket"/>, bottom up; what none of them matches goes to the utility grid.</summary>
public enum HierarchyLevel
{
    /// <summary>A feeder or street: the households of one cell trade here first.</summary>
    Cell = 0,

    /// <summary>A microgrid or substation: the cells' remainders meet here.</summary>
    Community = 1,

    /// <summary>The communities' remainders meet here; the region's remainder goes to the grid.</summary>
    Region = 2,
}
