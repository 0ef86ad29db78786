using System.Globalization;

namespace PeerGrid.Markets.Strategies;

/// <summary>How households price their orders in the auctions (docs/markets.md, "Orders from households").</summary>
public enum StrategyKind
{
    /// <summary>Every order at its limit, once per slot: today's behaviour and the default.</summary>
    Fixed,

    /// <summary>R intra-slot rounds; prices move linearly from the grid's price to the limit (gsy-e's ticks).</summary>
    Ramp,

    /// <summary>One round per slot, priced from a running estimate of the clearing price learnt across slots.</summary>
    Adaptive,
}

/// <summary>
/// A pricing strategy and its parameters. Immutable; the per-run state (the adaptive estimates) lives in
/// <see cref="OrderPricer"/>, one per market.
/// </summary>
public sealed record OrderStrategy
{
    public const int MaxRounds = 100;
    public const int DefaultRounds = 10;
    public const double DefaultAlpha = 0.3;
    public const double DefaultMargin = 0.05;

    private OrderStrategy(StrategyKind kind, int rounds, double alpha, double margin)
    {
        Kind = kind;
        Rounds = rounds;
        Alpha = alpha;
        Margin = margin;
    }

    /// <summary>The strategies' names in scenario files.</summary>
    public static IReadOnlyList<string> Names { get; } = ["fixed", "ramp", "adaptive"];

    /// <summary>Bids at min(maximum, retail), offers at max(minimum, feed-in), one round per slot.</summary>
    public static OrderStrategy Fixed { get; } = new(StrategyKind.Fixed, 1, DefaultAlpha, DefaultMargin);

    public StrategyKind Kind { get; }

    /// <summary>Clearings per slot: R for the ramp, 1 otherwise.</summary>
    public int Rounds { get; }

    /// <summary>Adaptive: the moving average's weight of the newest price, 0 &lt; α ≤ 1.</summary>
    public double Alpha { get; }

    /// <summary>Adaptive: how far beyond the estimate a household bids (above) or offers (below), 0 … 1.</summary>
    public double Margin { get; }

    public string Name => Names[(int)Kind];

    /// <summary>The ramp over <paramref name="rounds"/> intra-slot rounds, 1 … <see cref="MaxRounds"/>. One round is <see cref="Fixed"/>'s pricing.</summary>
    public static OrderStrategy Ramp(int rounds = DefaultRounds)
    {
        if (rounds is < 1 or > MaxRounds)
        {
            throw new ArgumentOutOfRangeException(nameof(rounds), rounds, $"The ramp needs 1 … {MaxRounds} rounds.");
        }
        return new OrderStrategy(StrategyKind.Ramp, rounds, DefaultAlpha, DefaultMargin);
    }

    /// <summary>The adaptive strategy with moving-average factor <paramref name="alpha"/> (0 &lt; α ≤ 1) and <paramref name="margin"/> (0 … 1).</summary>
    public static OrderStrategy Adaptive(double alpha = DefaultAlpha, double margin = DefaultMargin)
    {
        if (!(alpha > 0 && alpha <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The adaptive strategy's alpha must be in (0, 1].");
        }
        if (!(margin >= 0 && margin <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(margin), margin, "The adaptive strategy's margin must be in [0, 1].");
        }
        return new OrderStrategy(StrategyKind.Adaptive, 1, alpha, margin);
    }

    public override string ToString() => Kind switch
    {
        StrategyKind.Ramp => string.Create(CultureInfo.InvariantCulture, $"ramp({Rounds})"),
        StrategyKind.Adaptive => string.Create(CultureInfo.InvariantCulture, $"adaptive(α={Alpha}, margin={Margin})"),
        _ => Name,
    };
}
