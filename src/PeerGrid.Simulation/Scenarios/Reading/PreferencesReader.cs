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
            policy is null ? d.DeferrablePolicy : KebabCase.Parse<DeferrablePolicy>(policy),
            ReadSellers(r),
            r.Bool("greenOnly", d.GreenOnly));
        r.Finish();
        return r.Failed ? null : p;
    }

    /// <summary>
    /// Once every household is read: each preferred seller must be another household of the scenario. Reported at
    /// "households" (a group's members share one entry), once per unknown id, naming the households that use it.
    /// </summary>
    public static void CheckPreferredSellers(IReadOnlyList<Household> households, ValidationErrors errors)
    {
        HashSet<string>? ids = null;
        var unknown = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var selfNamed = new List<string>();
        foreach (Household h in households)
        {
            IReadOnlyList<string> sellers = h.Preferences.PreferredSellerIds;
            if (sellers.Count == 0)
            {
                continue;
            }
            ids ??= new HashSet<string>(households.Select(x => x.Id), StringComparer.Ordinal);
            foreach (string seller in sellers)
            {
                if (seller == h.Id)
                {
                    selfNamed.Add(h.Id);
                }
                else if (!ids.Contains(seller))
                {
                    if (!unknown.TryGetValue(seller, out List<string>? users))
                    {
                        unknown[seller] = users = [];
                    }
                    users.Add(h.Id);
                }
            }
        }
        foreach ((string seller, List<string> users) in unknown)
        {
            errors.Add("households", $"{Names(users)} preferred seller '{seller}', which is not a household of this scenario",
                $"{Suggestions.DidYouMean(seller, ids!)}use the id of another household in preferences.preferredSellers, or remove '{seller}'");
        }
        if (selfNamed.Count > 0)
        {
            errors.Add("households", $"{Names(selfNamed)} itself as a preferred seller", "remove the household's own id from its preferences.preferredSellers: it cannot buy from itself");
        }
    }

    /// <summary>"household 'h01' names" or "households 'h01', 'h02', 'h03' and 7 more name".</summary>
    private static string Names(List<string> ids)
    {
        const int Shown = 3;
        string list = string.Join(", ", ids.Distinct(StringComparer.Ordinal).Take(Shown).Select(i => $"'{i}'"));
        int count = ids.Distinct(StringComparer.Ordinal).Count();
        string more = count > Shown ? $" and {count - Shown} more" : "";
        return count == 1 ? $"household {list} names" : $"households {list}{more} name";
    }

    /// <summary>"preferredSellers": a list of household ids (checked against the households once all are read).</summary>
    private static List<string>? ReadSellers(ObjectReader r)
    {
        const string Example = "[\"h02\", \"h05\"]";
        if (!r.TryGetArray("preferredSellers", out JsonElement array, Example))
        {
            return null;
        }
        var ids = new List<string>();
        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            string path = $"preferredSellers[{i++}]";
            if (item.ValueKind != JsonValueKind.String)
            {
                r.Error(path, $"expected a household id in quotes but got {JsonText.Describe(item)}", $"write the seller's id as a string, e.g. {Example}");
            }
            else if (item.GetString() is { } id && !Ids.IsValid(id))
            {
                r.Error(path, $"'{id}' is not a valid household id", "use the id of a household in this scenario (letters, digits, '-' and '_')");
            }
            else
            {
                ids.Add(item.GetString()!);
            }
        }
        return ids;
    }
}
