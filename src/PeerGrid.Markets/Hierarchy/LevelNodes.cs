using PeerGrid.Markets.Auctions;

namespace PeerGrid.Markets.Hierarchy;

/// <summary>
/// The markets of one level of a <see cref="HierarchicalMarket"/>: each node's households in index order (one array for
/// the whole level, sliced by <see cref="Start"/>), and for the nodes that clear their own book, result and clearing
/// mechanism. All sized once at construction.
/// </summary>
internal sealed class LevelNodes
{
    public LevelNodes(int[] nodeOfHousehold, int nodeCount, bool[] clears, Func<IClearingMechanism> clearing)
    {
        NodeOfHousehold = nodeOfHousehold;
        Count = nodeCount;
        Start = new int[nodeCount + 1];
        foreach (int node in nodeOfHousehold)
        {
            Start[node + 1]++;
        }
        for (int i = 0; i < nodeCount; i++)
        {
            Start[i + 1] += Start[i];
        }
        Members = new int[nodeOfHousehold.Length];
        int[] next = new int[nodeCount];
        Array.Copy(Start, next, nodeCount);
        for (int h = 0; h < nodeOfHousehold.Length; h++)
        {
            Members[next[nodeOfHousehold[h]]++] = h;
        }
        Clears = clears;
        Books = new OrderBook?[nodeCount];
        Results = new ClearingResult?[nodeCount];
        Mechanisms = new IClearingMechanism?[nodeCount];
        for (int i = 0; i < nodeCount; i++)
        {
            if (clears[i])
            {
                Books[i] = new OrderBook();
                Results[i] = new ClearingResult();
                Mechanisms[i] = clearing();
                AnyClears = true;
            }
        }
    }

    public int Count { get; }

    /// <summary>Per household, its node on this level.</summary>
    public int[] NodeOfHousehold { get; }

    /// <summary>Node i's households are Members[Start[i] .. Start[i + 1]), in ascending index (= time priority).</summary>
    public int[] Start { get; }

    public int[] Members { get; }

    /// <summary>Whether the node runs a market: it joins at least two non-empty nodes of the level below (every cell with two or more households does).</summary>
    public bool[] Clears { get; }

    public bool AnyClears { get; }

    public OrderBook?[] Books { get; }

    public ClearingResult?[] Results { get; }

    public IClearingMechanism?[] Mechanisms { get; }
}
