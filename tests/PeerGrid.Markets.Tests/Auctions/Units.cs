namespace PeerGrid.Markets.Tests.Auctions;

/// <summary>Hand-computed cases are written in kWh and currency units per kWh; the book takes µkWh and micros.</summary>
internal static class Units
{
    public static long Kwh(decimal kwh) => checked((long)(kwh * 1_000_000m));

    public static long Per(decimal unitsPerKwh) => checked((long)(unitsPerKwh * 1_000_000m));
}
