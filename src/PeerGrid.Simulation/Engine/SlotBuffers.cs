using PeerGrid.Domain.Trading;

namespace PeerGrid.Simulation.Engine;

/// <summary>Per-household scratch for one slot, allocated once per run and overwritten every slot.</summary>
internal sealed class SlotBuffers
{
    public SlotBuffers(int n)
    {
        Load = new double[n];
        Generation = new double[n];
        Surplus = new double[n];
        Deficit = new double[n];
        Import = new double[n];
        Export = new double[n];
        Charge = new double[n];
        Discharge = new double[n];
        Stored = new double[n];
        StoredAtStart = new double[n];
        StoredLocal = new double[n];
        SelfDischarge = new double[n];
        Dispatched = new double[n];
        SelfConsumed = new double[n];
        Curtailed = new double[n];
        Unmet = new double[n];
        Cost = new long[n];
        Book = new MarketSlot(n);
    }

    /// <summary>Demand (kWh).</summary>
    public double[] Load { get; }
    /// <summary>Renewable and profile generation before dispatch; after the slot, all generation (kWh).</summary>
    public double[] Generation { get; }
    public double[] Surplus { get; }
    public double[] Deficit { get; }
    public double[] Import { get; }
    public double[] Export { get; }
    public double[] Charge { get; }
    public double[] Discharge { get; }
    /// <summary>Battery content (kWh), carried from slot to slot.</summary>
    public double[] Stored { get; }
    public double[] StoredAtStart { get; }
    /// <summary>The part of <see cref="Stored"/> that came from the household's own generation.</summary>
    public double[] StoredLocal { get; }
    public double[] SelfDischarge { get; }
    public double[] Dispatched { get; }
    public double[] SelfConsumed { get; }
    public double[] Curtailed { get; }
    public double[] Unmet { get; }
    public long[] Cost { get; }
    public MarketSlot Book { get; }
}
