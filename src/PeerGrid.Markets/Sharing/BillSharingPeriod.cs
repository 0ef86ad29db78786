using PeerGrid.Domain.Quantities;

namespace PeerGrid.Markets.Sharing;

/// <summary>
/// Bill Sharing (Long et al., IEEE PES GM 2017, Eqs. (1)–(14)) over a billing period of many slots. The community
/// pays the utility for its net position in each slot; at the end of the period that bill is shared out at two
/// uniform prices: c_im = (grid import cost) / E_im,total and c_ex = (grid export revenue) / E_ex,total, where
/// E_im,total and E_ex,total sum every participant's imports and exports after self-consumption over all slots.
/// With constant prices the grid import cost is λ_buy·E_BFG and this is the paper's c_im = λ_buy·E_BFG/E_im,total;
/// with time-varying prices it is Σₜ λ_buy,t·BFG_t, the cost actually incurred (each slot rounded once, as the
/// utility bills it). Bill_n = E_im,n·c_im − E_ex,n·c_ex.
/// </summary>
/// <remarks>
/// Accumulate with <see cref="AddSlot"/> (no allocation), bill with <see cref="Close"/>, start over with
/// <see cref="Reset"/>. Each participant's import charge and export credit are split from the exact grid cost and
/// revenue by the largest-remainder method, so Σ bills = Σₜ grid bill exactly. Not thread-safe.
/// </remarks>
public sealed class BillSharingPeriod
{
    private readonly long[] importMicroKwh;
    private readonly long[] exportMicroKwh;
    private readonly LargestRemainderApportioner apportioner;
    private long totalImport, totalExport, gridImport, gridExport, gridImportCost, gridExportRevenue;

    public BillSharingPeriod(int participants)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(participants);
        importMicroKwh = new long[participants];
        exportMicroKwh = new long[participants];
        apportioner = new LargestRemainderApportioner(participants);
    }

    public int Participants => importMicroKwh.Length;

    /// <summary>Slots added since construction or the last <see cref="Reset"/>.</summary>
    public int Slots { get; private set; }

    /// <summary>
    /// Adds one slot: each participant's net position after self-consumption, µkWh (&gt; 0 buyer, &lt; 0 seller), and
    /// the slot's grid prices (λ_sell &lt; λ_buy).
    /// </summary>
    public void AddSlot(ReadOnlySpan<long> netMicroKwh, Price gridBuy, Price gridSell)
    {
        CommunityGrid.ValidatePrices(gridBuy, gridSell, sellMustBeNonNegative: false);
        if (netMicroKwh.Length != Participants)
        {
            throw new ArgumentException($"Expected {Participants} net positions, got {netMicroKwh.Length}.", nameof(netMicroKwh));
        }
        long demand = 0, supply = 0;
        for (int i = 0; i < netMicroKwh.Length; i++)
        {
            long np = netMicroKwh[i];
            if (np > 0)
            {
                importMicroKwh[i] = checked(importMicroKwh[i] + np);
                demand = checked(demand + np);
            }
            else if (np < 0)
            {
                exportMicroKwh[i] = checked(exportMicroKwh[i] - np);
                supply = checked(supply - np);
            }
        }
        totalImport = checked(totalImport + demand);
        totalExport = checked(totalExport + supply);

        // The utility bills the net position only: E_BFG and E_STG (Eqs. (1)–(4)) accumulate slot by slot.
        long net = checked(demand - supply);
        if (net > 0)
        {
            gridImport = checked(gridImport + net);
            gridImportCost = checked(gridImportCost + Price.CostMicros(net, gridBuy.MicrosPerKwh));
        }
        else if (net < 0)
        {
            gridExport = checked(gridExport - net);
            gridExportRevenue = checked(gridExportRevenue + Price.CostMicros(-net, gridSell.MicrosPerKwh));
        }
        Slots++;
    }

    /// <summary>Bills the period so far into <paramref name="result"/> (overwritten). The period stays open.</summary>
    public void Close(BillSharingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Participants != Participants)
        {
            throw new ArgumentException($"Expected a result for {Participants} participants, got {result.Participants}.", nameof(result));
        }
        importMicroKwh.CopyTo(result.ImportMicroKwh, 0);
        exportMicroKwh.CopyTo(result.ExportMicroKwh, 0);
        apportioner.Apportion(gridImportCost, importMicroKwh, totalImport, result.ImportChargeMicros);
        apportioner.Apportion(gridExportRevenue, exportMicroKwh, totalExport, result.ExportCreditMicros);
        long[] bill = result.BillMicros;
        for (int i = 0; i < bill.Length; i++)
        {
            bill[i] = checked(result.ImportChargeMicros[i] - result.ExportCreditMicros[i]);
        }
        result.SetTotals(
            Slots,
            new Price(UnitPrice(gridImportCost, totalImport)),
            new Price(UnitPrice(gridExportRevenue, totalExport)),
            new MeteredEnergy(totalImport),
            new MeteredEnergy(totalExport),
            new MeteredEnergy(gridImport),
            new MeteredEnergy(gridExport),
            new Money(gridImportCost),
            new Money(gridExportRevenue));
    }

    /// <summary>Empties the period (participant count unchanged).</summary>
    public void Reset()
    {
        Array.Clear(importMicroKwh);
        Array.Clear(exportMicroKwh);
        totalImport = totalExport = gridImport = gridExport = gridImportCost = gridExportRevenue = 0;
        Slots = 0;
    }

    /// <summary>micro-units ÷ µkWh as micro-units per kWh, half-to-even; zero when nobody traded that way (nobody pays it).</summary>
    private static long UnitPrice(long micros, long microKwh) =>
        microKwh == 0 ? 0 : checked((long)WideArithmetic.DivRoundHalfEven((Int128)micros * MeteredEnergy.MicroKwhPerKwh, microKwh));
}
