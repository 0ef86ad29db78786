using PeerGrid.Application.Clearing;
using PeerGrid.Domain;
using PeerGrid.Markets.Auctions;

namespace PeerGrid.Application.Tests.Clearing;

/// <summary>The book reader: what a valid book becomes, and a catalogue of mistakes, each with its path, problem and fix.</summary>
public class BookReaderTests
{
    private const string Bid = """{ "id": "b1", "participant": "A", "price": 0.25, "energyKwh": 3 }""";
    private const string Offer = """{ "id": "o1", "participant": "B", "price": 0.1, "energyKwh": 2, "green": true }""";

    private static string Auction(string mechanism = "pay-as-clear", string bids = Bid, string offers = Offer, string extra = "") =>
        $$"""{ "mechanism": "{{mechanism}}", {{extra}} "bids": [ {{bids}} ], "offers": [ {{offers}} ] }""";

    private static string Sharing(string mechanism = "sdr", string prices = "\"gridBuyPrice\": 0.15, \"gridSellPrice\": 0.05", string positions = """{ "participant": "A", "netKwh": 2.5 }, { "participant": "B", "netKwh": -1.0 }""", string extra = "") =>
        $$"""{ "mechanism": "{{mechanism}}", {{prices}}, {{extra}} "slots": [ { "netPositions": [ {{positions}} ] } ] }""";

    [Fact]
    public void Read_TheIssuesAuctionExample_GivesTypedRequestWithDefaults()
    {
        BookReadResult read = BookReader.Read("""
            {"mechanism": "pay-as-clear", "pricing": "equilibrium-interval", "k": 0.5, "bids": [{"id": "b1", "participant": "A", "price": 0.25, "energyKwh": 3}], "offers": [{"id": "o1", "participant": "B", "price": 0.1, "energyKwh": 2, "green": true}]}
            """);

        Assert.True(read.IsValid, string.Join("\n", read.Errors));
        var request = Assert.IsType<AuctionRequest>(read.Request);
        Assert.Equal(ClearingModel.PayAsClear, request.Mechanism);
        Assert.Equal(PricingConvention.EquilibriumInterval, request.Pricing);
        Assert.Equal(0.5, request.K);
        Assert.Equal(new OfferEntry("o1", "B", 0.1m, 2m, true), Assert.Single(request.Offers));
        BidEntry bid = Assert.Single(request.Bids);
        Assert.Equal(("b1", "A", 0.25m, 3m, false), (bid.Id, bid.Participant, bid.Price, bid.EnergyKwh, bid.GreenOnly));
        Assert.Empty(bid.PreferredSellers);
    }

    [Fact]
    public void Read_PricingAndKAreOptional_AndMarginalPairIsRead()
    {
        var plain = Assert.IsType<AuctionRequest>(BookReader.Read(Auction()).Request);
        var marginal = Assert.IsType<AuctionRequest>(BookReader.Read(Auction(extra: "\"pricing\": \"marginal-pair\", \"k\": 0,")).Request);

        Assert.Equal((PricingConvention.EquilibriumInterval, 0.5), (plain.Pricing, plain.K));
        Assert.Equal((PricingConvention.MarginalPair, 0.0), (marginal.Pricing, marginal.K));
    }

    [Fact]
    public void Read_TheIssuesSharingExample_GivesTypedRequest()
    {
        BookReadResult read = BookReader.Read("""
            {"mechanism": "sdr", "gridBuyPrice": 0.15, "gridSellPrice": 0.05, "slots": [{"netPositions": [{"participant": "A", "netKwh": 2.5}, {"participant": "B", "netKwh": -1.0}]}]}
            """);

        var request = Assert.IsType<SharingRequest>(read.Request);
        Assert.Equal((ClearingModel.Sdr, 0.15m, 0.05m), (request.Mechanism, request.GridBuyPrice, request.GridSellPrice));
        Assert.Equal([new NetPosition("A", 2.5m), new NetPosition("B", -1.0m)], Assert.Single(request.Slots).NetPositions);
    }

    [Fact]
    public void Read_ZeroNetPositionAndEmptyBookSides_AreValid()
    {
        Assert.True(BookReader.Read(Sharing(positions: """{ "participant": "A", "netKwh": 0 }""")).IsValid);
        Assert.True(BookReader.Read("""{ "mechanism": "pay-as-bid", "bids": [], "offers": [] }""").IsValid);
        Assert.True(BookReader.Read(Auction(extra: "/* hand-written */ \"k\": 1,")).IsValid);
    }

    /// <summary>One mistake per book: (what, book, path, words of the problem, words of the fix).</summary>
    public static TheoryData<string, string, string, string, string> Mistakes => new()
    {
        { "unknown property", Auction(bids: """{ "id": "b1", "participant": "A", "prise": 0.25, "price": 0.25, "energyKwh": 3 }"""), "bids[0].prise", "unknown property 'prise'", "did you mean 'price'?" },
        { "unknown property, shortened name", Auction(offers: """{ "id": "o1", "participant": "B", "price": 0.1, "energy": 2 }"""), "offers[0].energy", "unknown property 'energy'", "did you mean 'energyKwh'?" },
        { "sharing field in an auction", Auction(extra: "\"slots\": [],"), "slots", "belongs to the sharing models", "remove it" },
        { "auction field in a sharing book", Sharing(extra: "\"bids\": [],"), "bids", "belongs to the auctions", "remove it" },
        { "quoted number", Auction(bids: """{ "id": "b1", "participant": "A", "price": 0.25, "energyKwh": "3" }"""), "bids[0].energyKwh", "expected a number but got a string (\"3\")", "write 3 without quotes" },
        { "number as id", Auction(offers: """{ "id": 7, "participant": "B", "price": 0.1, "energyKwh": 2 }"""), "offers[0].id", "expected a string but got a number (7)", "give a string, e.g. \"o1\"" },
        { "quoted boolean", Auction("preference-first", bids: """{ "id": "b1", "participant": "A", "price": 0.25, "energyKwh": 3, "greenOnly": "yes" }"""), "bids[0].greenOnly", "expected true or false", "write true or false" },
        { "missing field", Auction(bids: """{ "id": "b1", "price": 0.25, "energyKwh": 3 }"""), "bids[0].participant", "is missing", "add \"participant\": \"A\"" },
        { "missing list", """{ "mechanism": "pay-as-clear", "bids": [] }""", "offers", "is missing", "add \"offers\": [" },
        { "missing mechanism", """{ "bids": [], "offers": [] }""", "mechanism", "is missing", "add \"mechanism\": \"pay-as-clear\"" },
        { "empty participant", Auction(bids: """{ "id": "b1", "participant": " ", "price": 0.25, "energyKwh": 3 }"""), "bids[0].participant", "is empty", "give a name" },
        { "order not an object", Auction(offers: "[1, 2]"), "offers[0]", "expected an offer as a JSON object", "write an offer as an object" },
        { "book not an object", "[]", "(root)", "expected the order book as a JSON object", "\"mechanism\": \"pay-as-clear\"" },
        { "NaN as a string", Auction(bids: """{ "id": "b1", "participant": "A", "price": "NaN", "energyKwh": 3 }"""), "bids[0].price", "expected a number but got a string (\"NaN\")", "NaN and Infinity are not values here" },
        { "NaN literal", """{ "mechanism": "sdr", "gridBuyPrice": NaN }""", "line 1, position 39", "NaN is not a number in JSON (JSON has no NaN or Infinity)", "give a finite number" },
        { "Infinity literal", """{ "mechanism": "sdr", "gridBuyPrice": Infinity }""", "line 1, position 39", "Infinity is not a number in JSON", "give a finite number" },
        { "broken JSON", "{ \"mechanism\": \"sdr\",\n  \"gridBuyPrice\": 0.15\n  \"gridSellPrice\": 0.05 }", "line 3, position 3", "JSON syntax error", "missing comma" },
        { "empty input", "  \n", "(root)", "the book is empty", "give a book as a JSON object" },
        { "price in cents", Auction(bids: """{ "id": "b1", "participant": "A", "price": 25, "energyKwh": 3 }"""), "bids[0].price", "25 per kWh is beyond ±10 per kWh", "currency units per kWh, e.g. 0.25" },
        { "negative absurd price", Auction(offers: """{ "id": "o1", "participant": "B", "price": -11, "energyKwh": 2 }"""), "offers[0].price", "-11 per kWh is beyond ±10 per kWh", "not 250 per MWh" },
        { "number beyond decimal", Auction(bids: """{ "id": "b1", "participant": "A", "price": 1e400, "energyKwh": 3 }"""), "bids[0].price", "1e400 per kWh is beyond ±10", "currency units per kWh" },
        { "price finer than a micro-unit", Auction(bids: """{ "id": "b1", "participant": "A", "price": 0.1234567, "energyKwh": 3 }"""), "bids[0].price", "has more than 6 decimals, and prices are settled exactly in millionths", "round it to 6 decimals, e.g. 0.123457" },
        { "decimals hidden beyond decimal's precision", Auction(bids: """{ "id": "b1", "participant": "A", "price": 0.1000000000000000000000000000001, "energyKwh": 3 }"""), "bids[0].price", "has more than 6 decimals", "round it to 6 decimals" },
        { "energy finer than a µkWh", Auction(offers: """{ "id": "o1", "participant": "B", "price": 0.1, "energyKwh": 1e-7 }"""), "offers[0].energyKwh", "energy is settled exactly in µkWh (0.000001 kWh)", "round it to 6 decimals" },
        { "zero energy", Auction(bids: """{ "id": "b1", "participant": "A", "price": 0.25, "energyKwh": 0 }"""), "bids[0].energyKwh", "must be more than 0 kWh (got 0)", "positive number of kWh" },
        { "negative energy", Auction(offers: """{ "id": "o1", "participant": "B", "price": 0.1, "energyKwh": -2 }"""), "offers[0].energyKwh", "must be more than 0 kWh (got -2)", "positive number of kWh" },
        { "energy in Wh", Auction(bids: """{ "id": "b1", "participant": "A", "price": 0.25, "energyKwh": 2e9 }"""), "bids[0].energyKwh", "2e9 kWh is more than 1,000,000,000 kWh", "in kWh (not Wh)" },
        { "net position in Wh", Sharing(positions: """{ "participant": "A", "netKwh": -3e9 }"""), "slots[0].netPositions[0].netKwh", "-3e9 kWh is beyond ±1,000,000,000 kWh", "in kWh (not Wh)" },
        { "book too large", Auction(bids: string.Join(", ", Enumerable.Range(0, 101).Select(i => $$"""{ "id": "b{{i}}", "participant": "A", "price": 0.25, "energyKwh": 1e9 }"""))), "bids", "add up to 101,000,000,000 kWh, more than 100,000,000,000 kWh", "split the book" },
        { "duplicate order id", Auction(bids: Bid + ", " + Bid.Replace("\"A\"", "\"C\"", StringComparison.Ordinal)), "bids[1].id", "'b1' is already the id of bids[0]", "give every order in bids its own id" },
        { "duplicate key", Auction(offers: """{ "id": "o1", "participant": "B", "price": 0.1, "price": 0.2, "energyKwh": 2 }"""), "offers[0].price", "'price' is given more than once", "keep one of them" },
        { "unknown preferred seller", Auction("preference-first", bids: """{ "id": "b1", "participant": "A", "price": 0.25, "energyKwh": 3, "preferredSellers": ["b"] }"""), "bids[0].preferredSellers[0]", "'b' has no offer in this book (sellers in this book: 'B')", "did you mean 'B'?" },
        { "preferring oneself", Auction("preference-first", bids: """{ "id": "b1", "participant": "A", "price": 0.25, "energyKwh": 3, "preferredSellers": ["B", "A"] }"""), "bids[0].preferredSellers[1]", "'A' is this bid's own participant", "remove it" },
        { "preferred sellers outside preference-first", Auction("pay-as-bid", bids: """{ "id": "b1", "participant": "A", "price": 0.25, "energyKwh": 3, "preferredSellers": ["B"] }"""), "bids[0].preferredSellers", "pay-as-bid ignores preferred sellers", "use \"mechanism\": \"preference-first\"" },
        { "green-only outside preference-first", Auction(bids: """{ "id": "b1", "participant": "A", "price": 0.25, "energyKwh": 3, "greenOnly": true }"""), "bids[0].greenOnly", "pay-as-clear would sell this bid any energy, green or not", "preference-first\", which honours greenOnly" },
        { "green on a bid", Auction("preference-first", bids: """{ "id": "b1", "participant": "A", "price": 0.25, "energyKwh": 3, "green": true }"""), "bids[0].green", "a bid that accepts green energy only says \"greenOnly\": true", "remove it" },
        { "unknown mechanism", Auction("pay-as-cleer"), "mechanism", "unknown mechanism 'pay-as-cleer'", "did you mean 'pay-as-clear'? use one of 'pay-as-clear', 'pay-as-bid'" },
        { "pricing for huang", Auction("huang", extra: "\"pricing\": \"marginal-pair\","), "pricing", "huang has no uniform price, so 'pricing' does not apply", "it applies to pay-as-clear and preference-first" },
        { "k for pay-as-offer", Auction("pay-as-offer", extra: "\"k\": 0.5,"), "k", "pay-as-offer has no uniform price, so 'k' does not apply", "remove it" },
        { "unknown pricing", Auction(extra: "\"pricing\": \"marginal\","), "pricing", "unknown price convention 'marginal'", "did you mean 'marginal-pair'?" },
        { "k above 1", Auction("preference-first", extra: "\"k\": 1.5,"), "k", "must be between 0 and 1 (got 1.5)", "use 0.5 for the middle of the price interval" },
        { "feed-in above retail", Sharing("mmr", prices: "\"gridBuyPrice\": 0.05, \"gridSellPrice\": 0.15"), "gridSellPrice", "the grid sell (feed-in) price 0.15 is not below the grid buy price 0.05", "are the two swapped?" },
        { "negative feed-in for sdr", Sharing("sdr", prices: "\"gridBuyPrice\": 0.15, \"gridSellPrice\": -0.01"), "gridSellPrice", "sdr needs a grid sell price ≥ 0 (got -0.01)", "or mmr or bill-sharing" },
        { "missing grid price", Sharing("bill-sharing", prices: "\"gridBuyPrice\": 0.15"), "gridSellPrice", "is missing", "add \"gridSellPrice\": 0.05" },
        { "no slots", """{ "mechanism": "mmr", "gridBuyPrice": 0.15, "gridSellPrice": 0.05, "slots": [] }""", "slots", "is empty", "add at least one slot" },
        { "participant twice in a slot", Sharing(positions: """{ "participant": "A", "netKwh": 1 }, { "participant": "A", "netKwh": 2 }"""), "slots[0].netPositions[1].participant", "'A' already has a net position in this slot (netPositions[0])", "add the two" },
        { "slot without net positions", """{ "mechanism": "sdr", "gridBuyPrice": 0.15, "gridSellPrice": 0.05, "slots": [ { "netpositions": [] } ] }""", "slots[0].netpositions", "unknown property 'netpositions'", "did you mean 'netPositions'?" },
        { "net positions not a list", """{ "mechanism": "sdr", "gridBuyPrice": 0.15, "gridSellPrice": 0.05, "slots": [ { "netPositions": { "A": 1 } } ] }""", "slots[0].netPositions", "expected a list [ … ] but got an object", "write a list" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Read_Mistake_IsReportedAtItsPathWithProblemAndFix(string what, string book, string path, string problem, string fix)
    {
        BookReadResult read = BookReader.Read(book);

        Assert.False(read.IsValid, what);
        Assert.Null(read.Request);
        ValidationError? error = read.Errors.FirstOrDefault(e => e.Path == path);
        Assert.True(error is not null, $"{what}: no error at '{path}'; got:\n{string.Join("\n", read.Errors)}");
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.Contains(fix, error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ManyMistakes_AreAllReportedInOnePass()
    {
        BookReadResult read = BookReader.Read("""
            { "mechanism": "huang", "k": 0.5,
              "bids": [ { "id": "b1", "participant": "A", "price": 25, "energyKwh": 0 },
                        { "id": "b1", "participant": "C", "price": 0.2, "energyKwh": 1, "colour": "green" } ],
              "offers": [ { "id": "o1", "participant": "B", "price": "0.1", "energyKwh": 2 } ] }
            """);

        Assert.Equal(
            ["k", "bids[0].price", "bids[0].energyKwh", "bids[1].colour", "offers[0].price", "bids[1].id"],
            read.Errors.Select(e => e.Path));
    }

    [Theory]
    [InlineData("0.25", 0.25, 2)]
    [InlineData("3", 3, 0)]
    [InlineData("1.50e1", 15, 0)]
    [InlineData("100e-2", 1, 0)]
    [InlineData("0.0", 0, 0)]
    [InlineData("-0.1234567", -0.1234567, 7)]
    [InlineData("1e-7", 0.0000001, 7)]
    [InlineData("2.5E+3", 2500, 0)]
    public void ExactNumber_CountsTheDecimalsTheValueNeeds(string raw, double value, long decimals)
    {
        ExactNumber n = ExactNumber.Parse(raw);

        Assert.Equal((decimal)value, n.Value);
        Assert.Equal(decimals, n.Decimals);
    }

    [Fact]
    public void ExactNumber_TooLargeForDecimal_HasNoValue()
    {
        Assert.Null(ExactNumber.Parse("1e400").Value);
        Assert.Equal(400, ExactNumber.Parse("1e-400").Decimals);
    }
}
