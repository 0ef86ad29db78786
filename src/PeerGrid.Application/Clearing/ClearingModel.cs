namespace PeerGrid.Application.Clearing;

/// <summary>The clearing rules <c>peergrid clear</c> offers, by the names a book's <c>"mechanism"</c> uses.</summary>
public enum ClearingModel
{
    /// <summary>Uniform-price double auction ("pay-as-clear"), with a price convention and k.</summary>
    PayAsClear,

    /// <summary>Discriminatory auction priced at the bid ("pay-as-bid", gsy-e).</summary>
    PayAsBid,

    /// <summary>One-sided market priced at the offer ("pay-as-offer").</summary>
    PayAsOffer,

    /// <summary>Preferred sellers, then green-only bids, then pay-as-clear for the rest ("preference-first").</summary>
    PreferenceFirst,

    /// <summary>Huang, Scheller-Wolf &amp; Sycara (2002) trade reduction ("huang"): a buyer price and a seller price.</summary>
    Huang,

    /// <summary>Supply–demand ratio community pricing, per slot ("sdr").</summary>
    Sdr,

    /// <summary>Mid-market rate community pricing, per slot ("mmr").</summary>
    Mmr,

    /// <summary>Bill sharing over a billing period ("bill-sharing").</summary>
    BillSharing,
}

/// <summary>Names and families of <see cref="ClearingModel"/>.</summary>
public static class ClearingModels
{
    /// <summary>Every mechanism name a book may give, in the order the docs list them.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["pay-as-clear", "pay-as-bid", "pay-as-offer", "preference-first", "huang", "sdr", "mmr", "bill-sharing"];

    /// <summary>The name a book uses for <paramref name="model"/>, e.g. "pay-as-clear".</summary>
    public static string Name(ClearingModel model) => Names[(int)model];

    public static bool TryParse(string name, out ClearingModel model)
    {
        for (int i = 0; i < Names.Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal))
            {
                model = (ClearingModel)i;
                return true;
            }
        }
        model = default;
        return false;
    }

    /// <summary>True for the order-book auctions (bids and offers); false for the sharing models (net positions).</summary>
    public static bool IsAuction(ClearingModel model) => model <= ClearingModel.Huang;

    /// <summary>True where "pricing" and "k" apply: the models that clear (part of) the book at a uniform price.</summary>
    public static bool TakesPricing(ClearingModel model) => model is ClearingModel.PayAsClear or ClearingModel.PreferenceFirst;
}
