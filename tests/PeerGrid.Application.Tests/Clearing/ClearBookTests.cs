using System.Globalization;
using System.Text.Json;
using PeerGrid.Application.Clearing;

namespace PeerGrid.Application.Tests.Clearing;

/// <summary>Books in, JSON out: hand-computable books and published figures, checked on the printed JSON.</summary>
public class ClearBookTests
{
    /// <summary>pymarket's example (../shared/REFERENCE.md §1): bids 2@4, 1@3, 5@1 and offers 1@1, 4@2, 5@6.</summary>
    private const string Pymarket = """
        {
          "mechanism": "pay-as-clear", "pricing": "equilibrium-interval", "k": 0.5,
          "bids": [
            { "id": "b1", "participant": "A", "price": 4, "energyKwh": 2 },
            { "id": "b2", "participant": "B", "price": 3, "energyKwh": 1 },
            { "id": "b3", "participant": "C", "price": 1, "energyKwh": 5 }
          ],
          "offers": [
            { "id": "o1", "participant": "D", "price": 1, "energyKwh": 1 },
            { "id": "o2", "participant": "E", "price": 2, "energyKwh": 4 },
            { "id": "o3", "participant": "F", "price": 6, "energyKwh": 5 }
          ]
        }
        """;

    private static JsonElement Clear(string book)
    {
        ClearOutcome outcome = ClearBook.Execute(book);
        Assert.True(outcome.IsValid, string.Join("\n", outcome.Errors));
        using JsonDocument doc = JsonDocument.Parse(ClearingJson.Write(outcome.Response!));
        return doc.RootElement.Clone();
    }

    private static string Raw(JsonElement e, string name) => e.GetProperty(name).GetRawText();

    private static string[] Names(JsonElement e) => [.. e.EnumerateObject().Select(p => p.Name)];

    [Fact]
    public void PayAsClear_PymarketExample_ClearsThreeKwhAtTwo()
    {
        JsonElement r = Clear(Pymarket);

        Assert.Equal(["mechanism", "clearingPrice", "trades", "unmatchedBids", "unmatchedOffers"], Names(r));
        Assert.Equal("\"pay-as-clear\"", Raw(r, "mechanism"));
        Assert.Equal("2", Raw(r, "clearingPrice"));
        JsonElement[] trades = [.. r.GetProperty("trades").EnumerateArray()];
        Assert.Equal(3m, trades.Sum(t => t.GetProperty("energyKwh").GetDecimal()));
        Assert.All(trades, t => Assert.Equal("2", Raw(t, "price")));
        Assert.All(trades, t => Assert.Equal(["bidId", "offerId", "buyer", "seller", "energyKwh", "price"], Names(t)));
        Assert.Equal(("b1", "o1", "A", "D"), (trades[0].GetProperty("bidId").GetString(), trades[0].GetProperty("offerId").GetString(), trades[0].GetProperty("buyer").GetString(), trades[0].GetProperty("seller").GetString()));
        // The offer at 2 is only partly sold, so it pins the price to its own; the rest is unmatched.
        Assert.Equal("""[{"id":"b3","remainingKwh":5}]""", Compact(r.GetProperty("unmatchedBids")));
        Assert.Equal("""[{"id":"o2","remainingKwh":2},{"id":"o3","remainingKwh":5}]""", Compact(r.GetProperty("unmatchedOffers")));
    }

    [Fact]
    public void Huang_PymarketExample_PrintsSellerPrice()
    {
        JsonElement r = Clear(Pymarket.Replace("\"pay-as-clear\", \"pricing\": \"equilibrium-interval\", \"k\": 0.5", "\"huang\"", StringComparison.Ordinal));

        // The crossing's price setters are bid b2 (3) and offer o2 (2): both excluded. b1 and o1 remain, b1 is rationed
        // to o1's 1 kWh; the buyer pays 3, the seller receives 2, the operator keeps 1.
        Assert.Equal("null", Raw(r, "clearingPrice"));
        JsonElement trade = Assert.Single(r.GetProperty("trades").EnumerateArray());
        Assert.Equal("""{"bidId":"b1","offerId":"o1","buyer":"A","seller":"D","energyKwh":1,"price":3,"sellerPrice":2}""", Compact(trade));
    }

    [Fact]
    public void PreferenceFirst_MatchesPreferredSellerThenGreenThenTheRest()
    {
        JsonElement r = Clear("""
            {
              "mechanism": "preference-first",
              "bids": [
                { "id": "b1", "participant": "A", "price": 0.30, "energyKwh": 2, "preferredSellers": ["C"] },
                { "id": "b2", "participant": "B", "price": 0.28, "energyKwh": 1.5, "greenOnly": true },
                { "id": "b3", "participant": "D", "price": 0.25, "energyKwh": 2 }
              ],
              "offers": [
                { "id": "o1", "participant": "E", "price": 0.10, "energyKwh": 3 },
                { "id": "o2", "participant": "C", "price": 0.20, "energyKwh": 1 },
                { "id": "o3", "participant": "F", "price": 0.15, "energyKwh": 1, "green": true }
              ]
            }
            """);

        string[] trades = [.. r.GetProperty("trades").EnumerateArray().Select(Compact)];
        Assert.Equal(
            [
                // Pass 1: A buys from its preferred seller C first, although E is cheaper; priced at the bid.
                """{"bidId":"b1","offerId":"o2","buyer":"A","seller":"C","energyKwh":1,"price":0.3}""",
                // Pass 2: the green-only bid takes the green offer only, priced at the bid.
                """{"bidId":"b2","offerId":"o3","buyer":"B","seller":"F","energyKwh":1,"price":0.28}""",
                // Pass 3: pay-as-clear over the rest; nothing is left on either side, so the price is (0.10 + 0.25) / 2.
                """{"bidId":"b1","offerId":"o1","buyer":"A","seller":"E","energyKwh":1,"price":0.175}""",
                """{"bidId":"b3","offerId":"o1","buyer":"D","seller":"E","energyKwh":2,"price":0.175}""",
            ],
            trades);
        Assert.Equal("0.175", Raw(r, "clearingPrice"));
        Assert.Equal("""[{"id":"b2","remainingKwh":0.5}]""", Compact(r.GetProperty("unmatchedBids")));
        Assert.Equal("[]", Compact(r.GetProperty("unmatchedOffers")));
    }

    [Fact]
    public void PayAsBid_PricesPrintAsWritten_WithoutFloatingPointNoise()
    {
        JsonElement r = Clear("""
            { "mechanism": "pay-as-bid",
              "bids": [ { "id": "b", "participant": "A", "price": 0.2, "energyKwh": 0.3 } ],
              "offers": [ { "id": "o", "participant": "B", "price": 0.1, "energyKwh": 0.1 } ] }
            """);

        JsonElement trade = Assert.Single(r.GetProperty("trades").EnumerateArray());
        Assert.Equal("0.2", Raw(trade, "price"));
        Assert.Equal("0.1", Raw(trade, "energyKwh"));
        Assert.Equal("0.2", Raw(r.GetProperty("unmatchedBids")[0], "remainingKwh"));
    }

    [Theory]
    [InlineData(200_000L, "0.2")]
    [InlineData(-1_500_000L, "-1.5")]
    [InlineData(0L, "0")]
    [InlineData(1L, "0.000001")]
    [InlineData(123_456_789L, "123.456789")]
    [InlineData(7_000_000L, "7")]
    public void Units_AreExactDecimalsWithoutTrailingZeros(long micros, string expected) =>
        Assert.Equal(expected, ClearBook.Units(micros).ToString(CultureInfo.InvariantCulture));

    [Fact]
    public void PayAsClear_ParticipantOnBothSides_IsNettedAndReported()
    {
        // docs/markets-auctions.md: A's bid 1@10 and offer 1@1 meet at the heads and are netted; B @ 5 and C @ 8 do not cross.
        JsonElement r = Clear("""
            { "mechanism": "pay-as-clear",
              "bids": [ { "id": "a-buy", "participant": "A", "price": 10, "energyKwh": 1 }, { "id": "b-buy", "participant": "B", "price": 5, "energyKwh": 1 } ],
              "offers": [ { "id": "a-sell", "participant": "A", "price": 1, "energyKwh": 1 }, { "id": "c-sell", "participant": "C", "price": 8, "energyKwh": 1 } ] }
            """);

        Assert.Equal("null", Raw(r, "clearingPrice"));
        Assert.Equal("[]", Compact(r.GetProperty("trades")));
        Assert.Equal("""[{"bidId":"a-buy","offerId":"a-sell","participant":"A","energyKwh":1}]""", Compact(r.GetProperty("selfNettings")));
    }

    [Fact]
    public void Sdr_AtSdr0_5458_PrintsLiusPublishedPair()
    {
        // Liu 2017, λ_sell 0.4, λ_buy 1.0: SDR = 5.458 / 10 gives (P_sell, P_buy) = (0.5498, 0.7543), here to the micro.
        JsonElement r = Clear("""
            { "mechanism": "sdr", "gridBuyPrice": 1.0, "gridSellPrice": 0.4,
              "slots": [ { "netPositions": [ { "participant": "A", "netKwh": 10 }, { "participant": "B", "netKwh": -5.458 } ] } ] }
            """);

        JsonElement slot = Assert.Single(r.GetProperty("slots").EnumerateArray());
        Assert.Equal(["buyPrice", "sellPrice", "participants"], Names(slot));
        Assert.Equal("0.754304", Raw(slot, "buyPrice"));
        Assert.Equal("0.549843", Raw(slot, "sellPrice"));
        JsonElement[] p = [.. slot.GetProperty("participants").EnumerateArray()];
        Assert.Equal("""{"participant":"A","importKwh":10,"exportKwh":0,"cost":7.543045}""", Compact(p[0]));
        Assert.Equal("""{"participant":"B","importKwh":0,"exportKwh":5.458,"cost":-3.001045}""", Compact(p[1]));
        // Budget balance: the community pays the utility (10 − 5.458) × 1.0.
        Assert.Equal(4.542m, p.Sum(x => x.GetProperty("cost").GetDecimal()));
    }

    private const string TwoSlots = """
        { "mechanism": "MECH", "gridBuyPrice": 0.15, "gridSellPrice": 0.05,
          "slots": [
            { "netPositions": [ { "participant": "A", "netKwh": 2.5 }, { "participant": "B", "netKwh": -1.0 } ] },
            { "netPositions": [ { "participant": "A", "netKwh": -0.5 }, { "participant": "B", "netKwh": -1.5 }, { "participant": "C", "netKwh": 1 } ] }
          ] }
        """;

    [Fact]
    public void Mmr_PricesEachSlot()
    {
        JsonElement r = Clear(TwoSlots.Replace("MECH", "mmr", StringComparison.Ordinal));

        JsonElement[] slots = [.. r.GetProperty("slots").EnumerateArray()];
        // Slot 1, deficit: sell = c_mid = 0.10; buy = (1 × 0.10 + 1.5 × 0.15) / 2.5 = 0.13.
        Assert.Equal(("0.13", "0.1"), (Raw(slots[0], "buyPrice"), Raw(slots[0], "sellPrice")));
        Assert.Equal("""[{"participant":"A","importKwh":2.5,"exportKwh":0,"cost":0.325},{"participant":"B","importKwh":0,"exportKwh":1,"cost":-0.1}]""", Compact(slots[0].GetProperty("participants")));
        // Slot 2, surplus: buy = c_mid = 0.10; sell = (1 × 0.10 + 1 × 0.05) / 2 = 0.075. Participants in the slot's order.
        Assert.Equal(("0.1", "0.075"), (Raw(slots[1], "buyPrice"), Raw(slots[1], "sellPrice")));
        Assert.Equal(["A", "B", "C"], slots[1].GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("participant").GetString()));
    }

    [Fact]
    public void BillSharing_BillsThePeriodOfAllSlots()
    {
        JsonElement r = Clear(TwoSlots.Replace("MECH", "bill-sharing", StringComparison.Ordinal));

        // Grid import cost 1.5 × 0.15 = 0.225 over 3.5 kWh of imports; export revenue 1 × 0.05 = 0.05 over 3 kWh of exports.
        Assert.Equal(["mechanism", "importPrice", "exportPrice", "participants"], Names(r));
        Assert.Equal("0.064286", Raw(r, "importPrice"));
        Assert.Equal("0.016667", Raw(r, "exportPrice"));
        Assert.Equal(
            """[{"participant":"A","importKwh":2.5,"exportKwh":0.5,"cost":0.152381},{"participant":"B","importKwh":0,"exportKwh":2.5,"cost":-0.041667},{"participant":"C","importKwh":1,"exportKwh":0,"cost":0.064286}]""",
            Compact(r.GetProperty("participants")));
        Assert.Equal(0.175m, r.GetProperty("participants").EnumerateArray().Sum(p => p.GetProperty("cost").GetDecimal()));
    }

    [Fact]
    public void Sharing_AllThreeModels_ChargeTheCommunityItsNetGridBill()
    {
        foreach (string mechanism in new[] { "sdr", "mmr", "bill-sharing" })
        {
            JsonElement r = Clear(TwoSlots.Replace("MECH", mechanism, StringComparison.Ordinal));
            IEnumerable<JsonElement> lines = mechanism == "bill-sharing"
                ? r.GetProperty("participants").EnumerateArray()
                : r.GetProperty("slots").EnumerateArray().SelectMany(s => s.GetProperty("participants").EnumerateArray());
            Assert.Equal(0.175m, lines.Sum(p => p.GetProperty("cost").GetDecimal()));
        }
    }

    [Fact]
    public void Run_SameBook_GivesTheSameJson()
    {
        Assert.Equal(ClearingJson.Write(ClearBook.Execute(Pymarket).Response!), ClearingJson.Write(ClearBook.Execute(Pymarket).Response!));
    }

    private static string Compact(JsonElement e) => JsonSerializer.Serialize(e);
}
