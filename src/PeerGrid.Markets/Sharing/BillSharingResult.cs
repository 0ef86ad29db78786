using PeerGrid.Domain.Quantities;

namespace PeerGrid.Markets.Sharing;

/// <summary>
/// A billing period's outcome under Bill Sharing, as struct-of-arrays indexed by participant. Sized once and
/// overwritten by every <see cref="BillSharingPeriod.Close"/>.
/// </summary>
public sealed class BillSharingResult
{
    public BillSharingResult(int participants)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(participants);
        ImportMicroKwh = new long[participants];
        ExportMicroKwh = new long[participants];
        ImportChargeMicros = new long[participants];
        ExportCreditMicros = new long[participants];
        BillMicros = new long[participants];
    }

    public int Participants => BillMicros.Length;

    /// <summary>E_im,n: each participant's imports over the period (Σ of its positive net positions), µkWh.</summary>
    public long[] ImportMicroKwh { get; }

    /// <summary>E_ex,n: each participant's exports over the period (Σ of its negative net positions' magnitudes), µkWh.</summary>
    public long[] ExportMicroKwh { get; }

    /// <summary>E_im,n × c_im in micro-units (sign of the grid import cost; ≥ 0 for λ_buy ≥ 0).</summary>
    public long[] ImportChargeMicros { get; }

    /// <summary>E_ex,n × c_ex in micro-units, credited to the participant (≥ 0 for λ_sell ≥ 0).</summary>
    public long[] ExportCreditMicros { get; }

    /// <summary>Bill_n = import charge − export credit, micro-units: &gt; 0 it pays. Σ = <see cref="GridCost"/> exactly.</summary>
    public long[] BillMicros { get; }

    public int Slots { get; private set; }

    /// <summary>c_im: grid import cost ÷ E_im,total, rounded half-to-even (the bills use the exact ratio); zero without imports.</summary>
    public Price ImportPrice { get; private set; }

    /// <summary>c_ex: grid export revenue ÷ E_ex,total, rounded half-to-even; zero without exports.</summary>
    public Price ExportPrice { get; private set; }

    /// <summary>E_im,total: Σ of every participant's imports.</summary>
    public MeteredEnergy TotalImport { get; private set; }

    /// <summary>E_ex,total: Σ of every participant's exports.</summary>
    public MeteredEnergy TotalExport { get; private set; }

    /// <summary>E_BFG: the community's net imports from the grid, summed over slots.</summary>
    public MeteredEnergy GridImport { get; private set; }

    /// <summary>E_STG: the community's net exports to the grid, summed over slots.</summary>
    public MeteredEnergy GridExport { get; private set; }

    /// <summary>Σₜ λ_buy,t·BFG_t, each slot rounded half-to-even: what the utility charged.</summary>
    public Money GridImportCost { get; private set; }

    /// <summary>Σₜ λ_sell,t·STG_t, each slot rounded half-to-even: what the utility paid.</summary>
    public Money GridExportRevenue { get; private set; }

    /// <summary>The community's net grid bill, <see cref="GridImportCost"/> − <see cref="GridExportRevenue"/>.</summary>
    public Money GridCost => GridImportCost - GridExportRevenue;

    internal void SetTotals(
        int slots, Price importPrice, Price exportPrice, MeteredEnergy totalImport, MeteredEnergy totalExport,
        MeteredEnergy gridImport, MeteredEnergy gridExport, Money gridImportCost, Money gridExportRevenue)
    {
        Slots = slots;
        ImportPrice = importPrice;
        ExportPrice = exportPrice;
        TotalImport = totalImport;
        TotalExport = totalExport;
        GridImport = gridImport;
        GridExport = gridExport;
        GridImportCost = gridImportCost;
        GridExportRevenue = gridExportRevenue;
    }
}
