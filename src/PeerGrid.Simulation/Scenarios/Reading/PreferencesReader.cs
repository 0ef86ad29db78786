using System.Text.Json;
using PeerGrid.Domain;
using PeerGrid.Domain.Households;
using PeerGrid.Simulation.Scenarios.Json;

namespace PeerGrid.Simulation.Scenarios.Reading;

/// <summary>A household's "preferences"; every field optional, defaults from <see cref="Preferences.Default"/>.</summary>
internal static class PreferencesReader
{
    public static Preferences? Read(JsonElement e, string path, ValidationErrors errors)
    {
        ObjectReader? r = ObjectReader.Open(e, path, errors, "the preferences");
        if (r is null)
        {
            return null;
        }
        Preferences d = Preferences.Default;
        string? storage = r.OneOf("storageMode", KebabCase.Names<StorageMode>(), required: false);
        string? policy = r.OneOf("deferrablePolicy", KebabCase.Names<DeferrablePolicy>(), required: false);
        var p = new Preferences(
            storage is null ? d.StorageMode : KebabCase.Parse<StorageMode>(storage),
            r.Number("reserveSoc", d.ReserveSoc),
            r.Decimal("gridChargeBelowPrice", "0.15") ?? d.GridChargeBelowPrice,
            r.Bool("sellSurplus", d.SellSurplus),
            r.Decimal("minSellPrice", "0.10") ?? d.MinSellPrice,
            r.Decimal("maxBuyPrice", "0.40") ?? d.MaxBuyPrice,
            r.Bool("preferP2P", d.PreferP2P),
            policy is null ? d.DeferrablePolicy : KebabCase.Parse<DeferrablePolicy>(policy));
        r.Finish();
        return r.Failed ? null : p;
    }
}
