using PeerGrid.Domain.Trading;

namespace PeerGrid.Simulation.Engine;

/// <summary>Per-household scratch for one slot, allocated once per run and overwritten every slot.</summary>
internal sealed class SlotBuffers
{
    public SlotBuffers(int n)
    {
        Load = new double[n];
        Generation = new double[n];
        Import = new double[n];
        Export = new double[n];
        Charge = new double[n];
        Discharge = new double[n];
        Stored = new double[n];
        Curtailed = new double[n];
        Unmet = new double[n];
        Cost = new long[n];
        Scratch = new HouseholdScratch[n];
        Book = new MarketSlot(n);
    }

    /// <summary>Demand (kWh).</summary>
    public double[] Load { get; }
    /// <summary>Renewable and profile generation before dispatch; after the slot, all generation (kWh).</summary>
    public double[] Generation { get; }
    public double[] Import { get; }
    public double[] Export { get; }
    public double[] Charge { get; }
    public double[] Discharge { get; }
    /// <summary>Battery content (kWh), carried from slot to slot.</summary>
    public double[] Stored { get; }
    public double[] Curtailed { get; }
    public double[] Unmet { get; }
    public long[] Cost { get; }
    public HouseholdScratch[] Scratch { get; }
    public MarketSlot Book { get; }
}
