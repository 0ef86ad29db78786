namespace PeerGrid.Simulation.Engine;

/// <summary>
/// One chunk's sums for a slot. Chunks are fixed ranges of households, summed in chunk order afterwards, so the
/// community figures do not depend on how many threads ran the chunks.
/// </summary>
internal struct SlotPartials
{
    public double Load, Generation, Import, Export, Charge, Discharge, Stored, Curtailed, Unmet, Losses, SelfConsumed, Peer, Emissions, MaxResidual;
    public long Cost, Baseline;

    /// <summary>What the chunk's households that received energy from peers paid the market (micro-units).</summary>
    public long PeerPaid;

    public void Add(in SlotPartials p)
    {
        Load += p.Load;
        Generation += p.Generation;
        Import += p.Import;
        Export += p.Export;
        Charge += p.Charge;
        Discharge += p.Discharge;
        Stored += p.Stored;
        Curtailed += p.Curtailed;
        Unmet += p.Unmet;
        Losses += p.Losses;
        SelfConsumed += p.SelfConsumed;
        Peer += p.Peer;
        Emissions += p.Emissions;
        MaxResidual = Math.Max(MaxResidual, p.MaxResidual);
        Cost = checked(Cost + p.Cost);
        Baseline = checked(Baseline + p.Baseline);
        PeerPaid = checked(PeerPaid + p.PeerPaid);
    }
}

/// <summary>Fixed household ranges and, for every per-device list sorted by household, the matching item ranges.</summary>
internal sealed class Chunks
{
    /// <summary>Households per chunk: large enough to amortise a parallel hand-off, small enough to balance two cores.</summary>
    public const int Size = 256;

    public Chunks(CommunityModel m)
    {
        int n = m.HouseholdCount;
        Count = Math.Max(1, (n + Size - 1) / Size);
        HouseholdStart = new int[Count + 1];
        for (int c = 0; c <= Count; c++)
        {
            HouseholdStart[c] = Math.Min(c * Size, n);
        }
        LoadTerms = Ranges(m.LoadTermHousehold);
        GenTerms = Ranges(m.GenTermHousehold);
        Pv = Ranges(m.PvHousehold);
        Wind = Ranges(m.WindHousehold);
        Jobs = Ranges(m.Jobs.Households);
    }

    public int Count { get; }
    public int[] HouseholdStart { get; }
    public int[] LoadTerms { get; }
    public int[] GenTerms { get; }
    public int[] Pv { get; }
    public int[] Wind { get; }
    public int[] Jobs { get; }

    private int[] Ranges(int[] householdOfItem)
    {
        int[] start = new int[Count + 1];
        int item = 0;
        for (int c = 0; c < Count; c++)
        {
            start[c] = item;
            while (item < householdOfItem.Length && householdOfItem[item] < HouseholdStart[c + 1])
            {
                item++;
            }
        }
        start[Count] = householdOfItem.Length;
        return start;
    }
}
