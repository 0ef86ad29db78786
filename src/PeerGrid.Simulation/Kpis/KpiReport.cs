using PeerGrid.Simulation.Observers;

namespace PeerGrid.Simulation.Kpis;

/// <summary>
/// Key performance indicators with gsy-e's definitions (docs/kpis.md): self-sufficiency = self-consumed ÷ demand;
/// self-consumption = self-consumed ÷ production, where self-consumed is local generation used locally (directly,
/// through a battery, or by a peer); savings = baseline cost − actual cost. Money in currency units (decimal, exact).
/// </summary>
public sealed record CommunityKpis(
    int Households,
    int Slots,
    double DemandKwh,
    double ProductionKwh,
    double SelfConsumedKwh,
    double SelfSufficiency,
    double SelfConsumption,
    double ImportKwh,
    double ExportKwh,
    double PeerTradedKwh,
    double PeakImportKw,
    double PeakExportKw,
    double PeakNetImportKw,
    double PeakNetExportKw,
    double UnmetKwh,
    double CurtailedKwh,
    double BatteryLossesKwh,
    double EmissionsKg,
    decimal CostTotal,
    decimal BaselineCostTotal,
    decimal Savings,
    double MaxEnergyBalanceResidualKwh);

/// <summary>One household's KPIs and bill. Cost: positive = pays. Money in currency units.</summary>
public sealed record HouseholdKpis(
    string Id,
    bool HasGeneration,
    double DemandKwh,
    double ProductionKwh,
    double SelfConsumedKwh,
    double SelfSufficiency,
    double SelfConsumption,
    double ImportKwh,
    double ExportKwh,
    double PeerBoughtKwh,
    double PeerSoldKwh,
    double PeakImportKw,
    double PeakExportKw,
    double UnmetKwh,
    double CurtailedKwh,
    double BatteryLossesKwh,
    double EmissionsKg,
    decimal GridImportCost,
    decimal GridExportRevenue,
    decimal PeerNetPaid,
    decimal FuelCost,
    decimal PlatformSubscription,
    decimal NetCost,
    decimal BaselineCost,
    decimal Savings);

public static class KpiCalculator
{
    public static CommunityKpis Community(RunTotals t, CommunityAggregator c)
    {
        long cost = 0, baseline = 0;
        double peakImport = 0, peakExport = 0;
        for (int h = 0; h < t.HouseholdIds.Length; h++)
        {
            cost = checked(cost + t.NetCostMicros(h));
            baseline = checked(baseline + t.BaselineCostMicros[h]);
        }
        peakImport = t.CommunityPeakImportKw;
        peakExport = t.CommunityPeakExportKw;
        double selfConsumed = c.SelfConsumedKwh + c.PeerTradedKwh;
        return new CommunityKpis(
            t.HouseholdIds.Length,
            c.Slots,
            c.LoadKwh,
            c.GenerationKwh,
            selfConsumed,
            Ratio(selfConsumed, c.LoadKwh),
            Ratio(selfConsumed, c.GenerationKwh),
            c.ImportKwh,
            c.ExportKwh,
            c.PeerTradedKwh,
            peakImport,
            peakExport,
            c.PeakNetImportKw,
            c.PeakNetExportKw,
            c.UnmetKwh,
            c.CurtailedKwh,
            c.LossesKwh,
            c.EmissionsKg,
            ToUnits(cost),
            ToUnits(baseline),
            ToUnits(checked(baseline - cost)),
            c.MaxResidualKwh);
    }

    public static HouseholdKpis Household(RunTotals t, int h)
    {
        double self = t.SelfConsumedKwh[h];
        long net = t.NetCostMicros(h);
        return new HouseholdKpis(
            t.HouseholdIds[h],
            t.HasGeneration[h],
            t.LoadKwh[h],
            t.GenerationKwh[h],
            self,
            Ratio(self, t.LoadKwh[h]),
            Ratio(self, t.GenerationKwh[h]),
            t.ImportKwh[h],
            t.ExportKwh[h],
            t.PeerBoughtKwh[h],
            t.PeerSoldKwh[h],
            t.PeakImportKw[h],
            t.PeakExportKw[h],
            t.UnmetKwh[h],
            t.CurtailedKwh[h],
            t.LossesKwh[h],
            t.EmissionsKg[h],
            ToUnits(t.ImportCostMicros[h]),
            ToUnits(t.ExportRevenueMicros[h]),
            ToUnits(t.PeerNetPaidMicros[h]),
            ToUnits(t.FuelCostMicros[h]),
            ToUnits(t.SubscriptionMicros[h]),
            ToUnits(net),
            ToUnits(t.BaselineCostMicros[h]),
            ToUnits(checked(t.BaselineCostMicros[h] - net)));
    }

    private static double Ratio(double a, double b) => b > 0 ? a / b : 0;

    private static decimal ToUnits(long micros) => (decimal)micros / 1_000_000m;
}
