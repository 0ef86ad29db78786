using PeerGrid.Domain.Quantities;
using PeerGrid.Markets.Sharing;

namespace PeerGrid.Markets.Tests.Sharing;

internal static class SharingTestKit
{
    public const long Kwh = 1_000_000; // µkWh per kWh

    public static SlotSharingResult Settle(ISlotPricingRule rule, decimal gridBuy, decimal gridSell, params long[] netMicroKwh)
    {
        var result = new SlotSharingResult(netMicroKwh.Length);
        new SlotSharingSettler(rule, netMicroKwh.Length).Settle(netMicroKwh, Price.FromDecimal(gridBuy), Price.FromDecimal(gridSell), result);
        return result;
    }

    public static decimal Units(long micros) => micros / 1_000_000m;

    public static decimal[] Bills(SlotSharingResult result) => result.CostMicros.Select(Units).ToArray();
}
