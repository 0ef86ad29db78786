using System.Globalization;
using System.Text.Json;

namespace PeerGrid.Web.Http;

/// <summary>
/// The few community settings the API shows without building the whole scenario: read from the settings JSON (the
/// scenario format, validated when the community was created).
/// </summary>
/// <param name="Mechanism">The market's clearing mechanism, e.g. "pay-as-clear" (the scenario format's default "grid-only" when none is set).</param>
internal sealed record CommunitySettings(decimal ExportPricePerKwh, int SlotMinutes, string TimeZoneId = "UTC", string Mechanism = "grid-only")
{
    public int SlotsPerDay => 1440 / SlotMinutes;

    /// <summary>The community's time zone (UTC when the id is unknown on this machine).</summary>
    public TimeZoneInfo Zone => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out TimeZoneInfo? zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>
    /// The grid export price is the tariff's flat export price, or its default "price" when it has time-of-use periods
    /// (the periods are not applied: this is a display price, not a settlement price). Slots default to 15 minutes.
    /// </summary>
    public static CommunitySettings Read(string settingsJson)
    {
        using JsonDocument doc = JsonDocument.Parse(settingsJson);
        JsonElement root = doc.RootElement;
        decimal export = 0;
        if (root.TryGetProperty("tariff", out JsonElement tariff) && tariff.ValueKind == JsonValueKind.Object && tariff.TryGetProperty("export", out JsonElement e))
        {
            if (e.ValueKind == JsonValueKind.Number)
            {
                export = e.GetDecimal();
            }
            else if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("price", out JsonElement p) && p.ValueKind == JsonValueKind.Number)
            {
                export = p.GetDecimal();
            }
        }
        int slotMinutes = root.TryGetProperty("slotMinutes", out JsonElement s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out int m) && m is > 0 and <= 1440
            ? m : 15;
        string zoneId = root.TryGetProperty("timeZone", out JsonElement z) && z.ValueKind == JsonValueKind.String ? z.GetString()! : "UTC";
        string mechanism = root.TryGetProperty("market", out JsonElement market) && market.ValueKind == JsonValueKind.Object
            && market.TryGetProperty("mechanism", out JsonElement mech) && mech.ValueKind == JsonValueKind.String ? mech.GetString()! : "grid-only";
        return new CommunitySettings(export, slotMinutes, zoneId, mechanism);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"export {ExportPricePerKwh}/kWh, {SlotMinutes}-minute slots");
}
