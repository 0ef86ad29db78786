using PeerGrid.Domain.Trading;
using PeerGrid.Markets.Mechanisms;
using PeerGrid.Markets.Sharing;

namespace PeerGrid.Application.Markets;

/// <summary>Builds the market mechanism a scenario (or <c>--compare</c>) names, sized for its households.</summary>
public static class MechanismFactory
{
    /// <summary>The mechanisms this build runs, by their names in scenario files and on the command line.</summary>
    public static IReadOnlyList<string> Names { get; } = ["grid-only", "sdr", "mmr", "bill-sharing"];

    public static IMarketMechanism Create(string name, int households) => name switch
    {
        "grid-only" => new GridOnlyMarket(),
        "sdr" => new SlotSharingMarket(SupplyDemandRatio.Instance, households),
        "mmr" => new SlotSharingMarket(MidMarketRate.Instance, households),
        "bill-sharing" => new BillSharingMarket(households),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"Unknown mechanism; use one of {string.Join(", ", Names)}."),
    };
}
