using System.Globalization;
using System.Text.Json;
using PeerGrid.Simulation.Scenarios.Json;
using PeerGrid.Domain;
using PeerGrid.Markets.Auctions;

namespace PeerGrid.Application.Clearing;

/// <summary>
/// Reads a book for <c>peergrid clear</c> (format: docs/clearing-service.md) into a <see cref="ClearRequest"/>, or into
/// every problem found in one pass, each with its JSON path, what is wrong and how to fix it. A user's mistake never
/// throws. Everything the library would reject, or would silently ignore, is caught here: a book that reads cleanly
/// clears without an exception.
/// </summary>
public static class BookReader
{
    /// <summary>Largest |price| accepted, currency units per kWh: beyond this a price is almost surely in the wrong unit.</summary>
    public const decimal MaxAbsPricePerKwh = 10m;

    /// <summary>Largest energy of one order or net position, kWh (1 TWh).</summary>
    public const decimal MaxEntryKwh = 1_000_000_000m;

    /// <summary>
    /// Largest Σ |energy| of a whole book, kWh. With prices within ±10 per kWh every sum of money then stays below
    /// 10¹⁸ micro-units, so the library's checked 64-bit arithmetic cannot overflow.
    /// </summary>
    public const decimal MaxBookKwh = 100_000_000_000m;

    /// <summary>Prices and energies are exact to 10⁻⁶ (micro-units per kWh, µkWh).</summary>
    public const int MaxDecimals = 6;

    private const string PricingEquilibrium = "equilibrium-interval";
    private const string PricingMarginal = "marginal-pair";
    private const string BookExample = "{ \"mechanism\": \"pay-as-clear\", \"bids\": [ … ], \"offers\": [ … ] }";
    private const string BidExample = "{ \"id\": \"b1\", \"participant\": \"A\", \"price\": 0.25, \"energyKwh\": 3 }";
    private const string OfferExample = "{ \"id\": \"o1\", \"participant\": \"B\", \"price\": 0.1, \"energyKwh\": 2 }";
    private const string SlotExample = "{ \"netPositions\": [ { \"participant\": \"A\", \"netKwh\": 2.5 } ] }";
    private const string PositionExample = "{ \"participant\": \"A\", \"netKwh\": 2.5 }";

    private static readonly string[] AuctionFields = ["pricing", "k", "bids", "offers"];
    private static readonly string[] SharingFields = ["gridBuyPrice", "gridSellPrice", "slots"];

    private static readonly JsonDocumentOptions Options = new()
    {
        // Books are also written by hand (docs, tests): comments and trailing commas are harmless.
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads and checks a book from its JSON text.</summary>
    public static BookReadResult Read(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return BookReadResult.Invalid([new ValidationError("(root)", "the book is empty", $"give a book as a JSON object, e.g. {BookExample}")]);
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            return BookReadResult.Invalid([SyntaxError(json, e)]);
        }
        using (document)
        {
            var errors = new ValidationErrors();
            FieldReader.ReportDuplicateKeys(document.RootElement, "", errors);
            ClearRequest? request = ReadBook(document.RootElement, errors);
            return errors.IsEmpty && request is not null ? BookReadResult.Valid(request) : BookReadResult.Invalid(errors.All);
        }
    }

    private static ClearRequest? ReadBook(JsonElement rootElement, ValidationErrors errors)
    {
        FieldReader? root = FieldReader.Open(rootElement, "", errors, "the order book", BookExample);
        if (root is null)
        {
            return null;
        }
        ClearingModel? model = Mechanism(root);
        bool auction;
        if (model is { } m)
        {
            auction = ClearingModels.IsAuction(m);
        }
        else if (root.Contains("bids") || root.Contains("offers") || root.Contains("slots"))
        {
            // The mechanism is missing or unknown: still check the rest, as the kind of book its fields suggest.
            auction = !root.Contains("slots");
        }
        else
        {
            return null;
        }
        return auction ? ReadAuction(root, model) : ReadSharing(root, model);
    }

    private static ClearingModel? Mechanism(FieldReader root)
    {
        string? name = root.RequiredText("mechanism", "\"pay-as-clear\"");
        if (name is null)
        {
            return null;
        }
        if (ClearingModels.TryParse(name, out ClearingModel model))
        {
            return model;
        }
        root.Error("mechanism", $"unknown mechanism '{name}'", $"{Suggestions.DidYouMean(name, ClearingModels.Names)}use one of {Suggestions.List(ClearingModels.Names)}");
        return null;
    }

    private static AuctionRequest? ReadAuction(FieldReader root, ClearingModel? model)
    {
        string? mechanismName = model is { } m ? ClearingModels.Name(m) : null;
        bool takesPricing = model is null || ClearingModels.TakesPricing(model.Value);
        bool takesPreferences = model is null or ClearingModel.PreferenceFirst;

        PricingConvention pricing = PricingConvention.EquilibriumInterval;
        string? pricingName = root.Text("pricing", $"\"{PricingEquilibrium}\"");
        if (pricingName is not null && !takesPricing)
        {
            root.Error("pricing", $"{mechanismName} has no uniform price, so 'pricing' does not apply", "remove it; it applies to pay-as-clear and preference-first");
        }
        else if (pricingName is PricingMarginal)
        {
            pricing = PricingConvention.MarginalPair;
        }
        else if (pricingName is not null and not PricingEquilibrium)
        {
            string[] conventions = [PricingEquilibrium, PricingMarginal];
            root.Error("pricing", $"unknown price convention '{pricingName}'", $"{Suggestions.DidYouMean(pricingName, conventions)}use {Suggestions.List(conventions)}");
        }

        double k = 0.5;
        string? kText = root.NumberText("k", "0.5", required: false);
        if (kText is not null && !takesPricing)
        {
            root.Error("k", $"{mechanismName} has no uniform price, so 'k' does not apply", "remove it; it applies to pay-as-clear and preference-first");
        }
        else if (kText is not null)
        {
            if (double.TryParse(kText, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && parsed is >= 0 and <= 1)
            {
                k = parsed;
            }
            else
            {
                root.Error("k", $"must be between 0 and 1 (got {kText})", "use 0.5 for the middle of the price interval, 0 for its low end, 1 for its high end");
            }
        }

        List<BidEntry?>? bids = ReadList(root, "bids", "[ " + BidExample + " ]", (item, path) => ReadBid(item, path, root.Errors, takesPreferences, mechanismName));
        List<OfferEntry?>? offers = ReadList(root, "offers", "[ " + OfferExample + " ]", (item, path) => ReadOffer(item, path, root.Errors));
        root.Finish(name => SharingFields.Contains(name)
            ? $"'{name}' belongs to the sharing models (sdr, mmr, bill-sharing), not to {mechanismName ?? "an auction"}"
            : null);

        if (bids is null || offers is null)
        {
            return null;
        }
        UniqueIds(root.Errors, "bids", bids.Select(b => b?.Id));
        UniqueIds(root.Errors, "offers", offers.Select(o => o?.Id));
        PreferredSellersHaveOffers(root.Errors, bids, offers);
        CheckBookSize(root.Errors, "bids", bids.Count, bids.Sum(b => b?.EnergyKwh ?? 0));
        CheckBookSize(root.Errors, "offers", offers.Count, offers.Sum(o => o?.EnergyKwh ?? 0));
        // Whether the book is valid is decided by the errors; a request is built only to hand on when there are none.
        if (model is null || bids.Contains(null) || offers.Contains(null))
        {
            return null;
        }
        return new AuctionRequest(model.Value, pricing, k, [.. bids.Select(b => b!)], [.. offers.Select(o => o!)]);
    }

    private static BidEntry? ReadBid(JsonElement item, string path, ValidationErrors errors, bool takesPreferences, string? mechanismName)
    {
        FieldReader? r = FieldReader.Open(item, path, errors, "a bid", BidExample);
        if (r is null)
        {
            return null;
        }
        string? id = r.RequiredText("id", "\"b1\"");
        string? participant = r.RequiredText("participant", "\"A\"");
        decimal? price = Price(r, "price", "0.25");
        decimal? energy = Energy(r, "energyKwh", "3");
        bool greenOnly = r.Bool("greenOnly", false);
        if (greenOnly && !takesPreferences)
        {
            r.Error("greenOnly", $"{mechanismName} would sell this bid any energy, green or not", "use \"mechanism\": \"preference-first\", which honours greenOnly, or remove it");
        }
        List<string>? preferred = PreferredSellers(r, participant);
        if (preferred is { Count: > 0 } && !takesPreferences)
        {
            r.Error("preferredSellers", $"{mechanismName} ignores preferred sellers", "use \"mechanism\": \"preference-first\", which matches preferred sellers first, or remove it");
        }
        r.Finish(name => name == "green" ? "'green' describes an offer's energy; a bid that accepts green energy only says \"greenOnly\": true" : null);
        // Built whenever it can be named, so the checks across orders (ids, preferred sellers) see it; an invalid
        // price or energy is already reported, and the reported problems decide whether the book is valid.
        return id is null || participant is null ? null : new BidEntry(id, participant, price ?? 0, energy ?? 0, greenOnly, preferred ?? []);
    }

    private static List<string>? PreferredSellers(FieldReader r, string? participant)
    {
        JsonElement? list = r.Array("preferredSellers", "[\"B\", \"C\"]", required: false);
        if (list is null)
        {
            return null;
        }
        var sellers = new List<string>();
        int i = 0;
        foreach (JsonElement e in list.Value.EnumerateArray())
        {
            string at = $"preferredSellers[{i++}]";
            if (e.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(e.GetString()))
            {
                r.Error(at, $"expected a participant's name but got {FieldReader.Describe(e)}", "give the seller's participant name as a string, e.g. \"B\"");
                continue;
            }
            string seller = e.GetString()!;
            if (seller == participant)
            {
                r.Error(at, $"'{seller}' is this bid's own participant, and an order never trades with its own participant", "remove it");
            }
            else if (sellers.Contains(seller))
            {
                r.Error(at, $"'{seller}' is named twice", "name each preferred seller once");
            }
            sellers.Add(seller);
        }
        return sellers;
    }

    private static OfferEntry? ReadOffer(JsonElement item, string path, ValidationErrors errors)
    {
        FieldReader? r = FieldReader.Open(item, path, errors, "an offer", OfferExample);
        if (r is null)
        {
            return null;
        }
        string? id = r.RequiredText("id", "\"o1\"");
        string? participant = r.RequiredText("participant", "\"B\"");
        decimal? price = Price(r, "price", "0.1");
        decimal? energy = Energy(r, "energyKwh", "2");
        bool green = r.Bool("green", false);
        r.Finish(name => name switch
        {
            "greenOnly" => "'greenOnly' is a bid's requirement; an offer of renewable energy says \"green\": true",
            "preferredSellers" => "preferred sellers are named by bids, not offers",
            _ => null,
        });
        return id is null || participant is null ? null : new OfferEntry(id, participant, price ?? 0, energy ?? 0, green);
    }

    private static SharingRequest? ReadSharing(FieldReader root, ClearingModel? model)
    {
        string? mechanismName = model is { } m ? ClearingModels.Name(m) : null;
        decimal? gridBuy = Price(root, "gridBuyPrice", "0.15");
        decimal? gridSell = Price(root, "gridSellPrice", "0.05");
        if (gridBuy is { } buy && gridSell is { } sell)
        {
            if (sell >= buy)
            {
                root.Error("gridSellPrice", $"the grid sell (feed-in) price {Show(sell)} is not below the grid buy price {Show(buy)}", "give a feed-in price lower than the import price (are the two swapped?)");
            }
            else if (sell < 0 && model is ClearingModel.Sdr)
            {
                root.Error("gridSellPrice", $"sdr needs a grid sell price ≥ 0 (got {Show(sell)}): its formula divides by it", "use 0 or more, or mmr or bill-sharing, which allow a negative feed-in price");
            }
        }
        List<SharingSlot?>? slots = ReadList(root, "slots", "[ " + SlotExample + " ]", (item, path) => ReadSlot(item, path, root.Errors));
        if (slots is { Count: 0 })
        {
            root.Error("slots", "is empty", $"add at least one slot, e.g. \"slots\": [ {SlotExample} ]");
        }
        root.Finish(name => AuctionFields.Contains(name)
            ? $"'{name}' belongs to the auctions (pay-as-clear, pay-as-bid, pay-as-offer, preference-first, huang), not to {mechanismName ?? "a sharing model"}"
            : null);
        if (slots is null)
        {
            return null;
        }
        decimal total = slots.Sum(s => s?.NetPositions.Sum(p => Math.Abs(p.NetKwh)) ?? 0);
        if (total > MaxBookKwh)
        {
            root.Error("slots", $"the net positions add up to {Show(total)} kWh, more than {Show(MaxBookKwh)} kWh in one book", "check that energies are in kWh (not Wh), or split the book");
        }
        if (model is null || gridBuy is null || gridSell is null || slots.Contains(null))
        {
            return null;
        }
        return new SharingRequest(model.Value, gridBuy.Value, gridSell.Value, [.. slots.Select(s => s!)]);
    }

    private static SharingSlot? ReadSlot(JsonElement item, string path, ValidationErrors errors)
    {
        FieldReader? r = FieldReader.Open(item, path, errors, "a slot", SlotExample);
        if (r is null)
        {
            return null;
        }
        List<NetPosition?>? positions = ReadList(r, "netPositions", "[ " + PositionExample + " ]", (e, at) => ReadPosition(e, at, errors));
        r.Finish();
        if (positions is null)
        {
            return null;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < positions.Count; i++)
        {
            if (positions[i] is { } p && !seen.TryAdd(p.Participant, i))
            {
                r.Error($"netPositions[{i}].participant", $"'{p.Participant}' already has a net position in this slot (netPositions[{seen[p.Participant]}])", "give each participant one net position per slot: add the two");
            }
        }
        return positions.Contains(null) ? null : new SharingSlot([.. positions.Select(p => p!)]);
    }

    private static NetPosition? ReadPosition(JsonElement item, string path, ValidationErrors errors)
    {
        FieldReader? r = FieldReader.Open(item, path, errors, "a net position", PositionExample);
        if (r is null)
        {
            return null;
        }
        string? participant = r.RequiredText("participant", "\"A\"");
        decimal? net = Quantity(r, "netKwh", "2.5", required: true, positiveOnly: false);
        r.Finish();
        return participant is null || net is null ? null : new NetPosition(participant, net.Value);
    }

    /// <summary>Reads a required list, each item at "name[i]"; null if the list itself is missing or not a list.</summary>
    private static List<T?>? ReadList<T>(FieldReader r, string name, string example, Func<JsonElement, string, T?> item)
        where T : class
    {
        JsonElement? array = r.Array(name, example, required: true);
        if (array is null)
        {
            return null;
        }
        var list = new List<T?>(array.Value.GetArrayLength());
        int i = 0;
        foreach (JsonElement e in array.Value.EnumerateArray())
        {
            list.Add(item(e, $"{r.At(name)}[{i++}]"));
        }
        return list;
    }

    /// <summary>A required price in currency units per kWh: at most 6 decimals, within ±<see cref="MaxAbsPricePerKwh"/>.</summary>
    private static decimal? Price(FieldReader r, string name, string example)
    {
        string? raw = r.NumberText(name, example, required: true);
        if (raw is null)
        {
            return null;
        }
        ExactNumber n = ExactNumber.Parse(raw);
        if (n.Decimals > MaxDecimals)
        {
            r.Error(name, $"{raw} has more than {MaxDecimals} decimals, and prices are settled exactly in millionths of a currency unit per kWh", $"round it to {MaxDecimals} decimals{Rounded(n)}");
            return null;
        }
        if (n.Value is not { } value || Math.Abs(value) > MaxAbsPricePerKwh)
        {
            r.Error(name, $"{raw} per kWh is beyond ±{Show(MaxAbsPricePerKwh)} per kWh", "give the price in currency units per kWh, e.g. 0.25 (not 25 cents, not 250 per MWh)");
            return null;
        }
        return value;
    }

    /// <summary>A required order energy in kWh: &gt; 0, at most 6 decimals, at most <see cref="MaxEntryKwh"/>.</summary>
    private static decimal? Energy(FieldReader r, string name, string example) => Quantity(r, name, example, required: true, positiveOnly: true);

    private static decimal? Quantity(FieldReader r, string name, string example, bool required, bool positiveOnly)
    {
        string? raw = r.NumberText(name, example, required);
        if (raw is null)
        {
            return null;
        }
        ExactNumber n = ExactNumber.Parse(raw);
        if (n.Decimals > MaxDecimals)
        {
            r.Error(name, $"{raw} has more than {MaxDecimals} decimals, and energy is settled exactly in µkWh (0.000001 kWh)", $"round it to {MaxDecimals} decimals{Rounded(n)}");
            return null;
        }
        if (n.Value is not { } value || Math.Abs(value) > MaxEntryKwh)
        {
            r.Error(name, $"{raw} kWh is {(positiveOnly ? "more than " : "beyond ±")}{Show(MaxEntryKwh)} kWh (1 TWh)", "give the energy in kWh (not Wh), or split it");
            return null;
        }
        if (positiveOnly && value <= 0)
        {
            r.Error(name, $"must be more than 0 kWh (got {raw})", "give the energy as a positive number of kWh, or leave the order out");
            return null;
        }
        return value;
    }

    private static string Rounded(ExactNumber n) =>
        n.Value is { } v && decimal.Round(v, MaxDecimals, MidpointRounding.ToEven) is var r && r != 0 ? $", e.g. {Show(r)}" : "";

    private static void UniqueIds(ValidationErrors errors, string side, IEnumerable<string?> ids)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        int i = 0;
        foreach (string? id in ids)
        {
            if (id is not null && !first.TryAdd(id, i))
            {
                errors.Add($"{side}[{i}].id", $"'{id}' is already the id of {side}[{first[id]}]", $"give every order in {side} its own id");
            }
            i++;
        }
    }

    private static void PreferredSellersHaveOffers(ValidationErrors errors, List<BidEntry?> bids, List<OfferEntry?> offers)
    {
        var sellers = new HashSet<string>(offers.Where(o => o is not null).Select(o => o!.Participant), StringComparer.Ordinal);
        for (int b = 0; b < bids.Count; b++)
        {
            IReadOnlyList<string> preferred = bids[b]?.PreferredSellers ?? [];
            for (int i = 0; i < preferred.Count; i++)
            {
                if (!sellers.Contains(preferred[i]))
                {
                    string known = sellers.Count == 0 ? "the book has no offers" : $"sellers in this book: {Suggestions.List(sellers.Order(StringComparer.Ordinal))}";
                    errors.Add($"bids[{b}].preferredSellers[{i}]", $"'{preferred[i]}' has no offer in this book ({known})", $"{Suggestions.DidYouMean(preferred[i], sellers)}name a participant that has an offer, or remove it");
                }
            }
        }
    }

    private static void CheckBookSize(ValidationErrors errors, string side, int count, decimal totalKwh)
    {
        if (count > OrderBook.MaxOrdersPerSide)
        {
            errors.Add(side, $"{count} orders are more than one book holds ({OrderBook.MaxOrdersPerSide} per side)", "split the book");
        }
        if (totalKwh > MaxBookKwh)
        {
            errors.Add(side, $"the {side} add up to {Show(totalKwh)} kWh, more than {Show(MaxBookKwh)} kWh in one book", "check that energies are in kWh (not Wh), or split the book");
        }
    }

    private static string Show(decimal value) => value.ToString(value == decimal.Truncate(value) ? "N0" : "G", CultureInfo.InvariantCulture);

    private static ValidationError SyntaxError(string json, JsonException e)
    {
        // JsonException counts lines and byte positions from 0; editors count from 1.
        long line = (e.LineNumber ?? 0) + 1;
        long position = (e.BytePositionInLine ?? 0) + 1;
        string where = $"line {line}, position {position}";
        string rest = TextAt(json, e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
        if (rest.StartsWith("NaN", StringComparison.Ordinal) || rest.StartsWith("Infinity", StringComparison.Ordinal) || rest.StartsWith("-Infinity", StringComparison.Ordinal))
        {
            return new ValidationError(where, $"{rest.Split(',', '}', ']', ' ', '\r', '\t')[0]} is not a number in JSON (JSON has no NaN or Infinity)", "give a finite number; prices and energies must be real amounts");
        }
        string reason = e.Message;
        int cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            reason = reason[..cut];
        }
        reason = reason.TrimEnd().TrimEnd('.');
        return new ValidationError(where, $"JSON syntax error: {reason}", "check for a missing comma, quote, colon or bracket at or just before this position");
    }

    /// <summary>The text from a 0-based line and UTF-8 byte position to the end of that line ("" if out of range).</summary>
    private static string TextAt(string json, long line, long bytePosition)
    {
        string[] lines = json.Split('\n');
        if (line >= lines.Length)
        {
            return "";
        }
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(lines[line]);
        return bytePosition < bytes.Length ? System.Text.Encoding.UTF8.GetString(bytes, (int)bytePosition, bytes.Length - (int)bytePosition) : "";
    }
}

/// <summary>A book ready to clear, or the problems that stop it.</summary>
public sealed class BookReadResult
{
    private BookReadResult(ClearRequest? request, IReadOnlyList<ValidationError> errors)
    {
        Request = request;
        Errors = errors;
    }

    public ClearRequest? Request { get; }

    public IReadOnlyList<ValidationError> Errors { get; }

    public bool IsValid => Request is not null;

    public static BookReadResult Valid(ClearRequest request) => new(request, []);

    public static BookReadResult Invalid(IReadOnlyList<ValidationError> errors) => new(null, errors);
}
