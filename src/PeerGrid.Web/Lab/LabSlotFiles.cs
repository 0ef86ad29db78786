using System.Globalization;
using System.Text;
using PeerGrid.Simulation.Observers;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Lab;

/// <summary>
/// A lab run's per-slot series as files (docs/lab.md). The CSV is long: one row per slot and mechanism with a
/// <c>mechanism</c> column, so one mechanism's file and the whole run's have the same columns and concatenate or filter
/// without renaming. The JSON holds one array per column (struct-of-arrays, like the engine). Energies in kWh within the
/// slot; prices in currency units per kWh; money in currency units; an empty (CSV) or null (JSON) P2P price where no
/// energy was traded peer-to-peer or the mechanism bills per period.
/// </summary>
internal static class LabSlotFiles
{
    public const string CsvHeader = "mechanism,slot,startLocal,importPrice,exportPrice,p2pPrice,loadKwh,generationKwh,importKwh,exportKwh,peerTradedKwh,p2pPaid";

    /// <summary>The CSV of <paramref name="results"/>, in order: each mechanism's slots, slot by slot.</summary>
    public static string ToCsv(IEnumerable<LabMechanismResult> results)
    {
        CultureInfo inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder(CsvHeader).Append('\n');
        foreach (LabMechanismResult r in results)
        {
            SlotSeries s = r.Slots;
            for (int i = 0; i < s.SlotCount; i++)
            {
                sb.Append(inv, $"{r.Mechanism},{i},{StartLocal(s, i)},{Units(s.BuyMicrosPerKwh[i])},{Units(s.SellMicrosPerKwh[i])},{Units(s.PeerPriceMicrosPerKwh(i))},");
                sb.Append(inv, $"{s.LoadKwh[i]:R},{s.GenerationKwh[i]:R},{s.ImportKwh[i]:R},{s.ExportKwh[i]:R},{s.PeerTradedKwh[i]:R},{Units(s.PeerPaidMicros[i])}\n");
            }
        }
        return sb.ToString();
    }

    /// <summary>The per-slot columns of one mechanism for its results JSON.</summary>
    public static SlotColumns Columns(SlotSeries s)
    {
        int n = s.SlotCount;
        var start = new string[n];
        var buy = new decimal[n];
        var sell = new decimal[n];
        var p2p = new decimal?[n];
        var paid = new decimal[n];
        for (int i = 0; i < n; i++)
        {
            start[i] = StartLocal(s, i);
            buy[i] = Units(s.BuyMicrosPerKwh[i]);
            sell[i] = Units(s.SellMicrosPerKwh[i]);
            p2p[i] = Units(s.PeerPriceMicrosPerKwh(i));
            paid[i] = Units(s.PeerPaidMicros[i]);
        }
        return new SlotColumns(start, buy, sell, p2p, s.LoadKwh, s.GenerationKwh, s.ImportKwh, s.ExportKwh, s.PeerTradedKwh, paid);
    }

    private static string StartLocal(SlotSeries s, int slot) => s.Calendar.SlotStartLocal(slot).ToString("yyyy-MM-ddTHH:mmzzz", CultureInfo.InvariantCulture);

    private static decimal Units(long micros) => MoneyField.ToUnits(micros);

    private static decimal? Units(long? micros) => micros is { } m ? MoneyField.ToUnits(m) : null;
}

/// <summary>A mechanism's per-slot series, one array per column, indexed by slot (see <see cref="LabSlotFiles"/>).</summary>
internal sealed record SlotColumns(
    IReadOnlyList<string> StartLocal,
    IReadOnlyList<decimal> ImportPrice,
    IReadOnlyList<decimal> ExportPrice,
    IReadOnlyList<decimal?> P2pPrice,
    IReadOnlyList<double> LoadKwh,
    IReadOnlyList<double> GenerationKwh,
    IReadOnlyList<double> ImportKwh,
    IReadOnlyList<double> ExportKwh,
    IReadOnlyList<double> PeerTradedKwh,
    IReadOnlyList<decimal> P2pPaid);
