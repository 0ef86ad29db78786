using System.CommandLine;
using System.Text.Json;
using PeerGrid.Cli.Commands;

namespace PeerGrid.Cli.Tests;

public class ClearCommandTests
{
    private const string Book = """
        {"mechanism": "pay-as-clear", "pricing": "equilibrium-interval", "k": 0.5,
         "bids": [{"id": "b1", "participant": "A", "price": 0.25, "energyKwh": 3}],
         "offers": [{"id": "o1", "participant": "B", "price": 0.1, "energyKwh": 2, "green": true}]}
        """;

    /// <summary>Runs <c>clear</c> with <paramref name="stdin"/> as standard input (the real command reads the console's).</summary>
    private static (int ExitCode, string Stdout, string Stderr) InvokeWithStdin(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var root = new RootCommand { ClearCommand.Create(stdout, stderr, () => new StringReader(stdin)) };
        int code = root.Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Clear_ValidBook_ExitsZeroAndPrintsParseableJson()
    {
        using var temp = new TempFolder();
        string book = temp.File("book.json");
        File.WriteAllText(book, Book);

        var (code, stdout, stderr) = Peergrid.Invoke("clear", book);

        Assert.True(code == 0, stderr);
        Assert.Equal("", stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement r = doc.RootElement;
        // 2 kWh cross; the bid keeps 1 kWh, so it pins the price to its own 0.25 (lo = max(0.1, 0.25), hi = 0.25).
        Assert.Equal("0.25", r.GetProperty("clearingPrice").GetRawText());
        JsonElement trade = Assert.Single(r.GetProperty("trades").EnumerateArray());
        Assert.Equal(("b1", "o1", "A", "B", 2m, 0.25m), (
            trade.GetProperty("bidId").GetString(), trade.GetProperty("offerId").GetString(),
            trade.GetProperty("buyer").GetString(), trade.GetProperty("seller").GetString(),
            trade.GetProperty("energyKwh").GetDecimal(), trade.GetProperty("price").GetDecimal()));
        Assert.Equal("b1", r.GetProperty("unmatchedBids")[0].GetProperty("id").GetString());
        Assert.Equal(1m, r.GetProperty("unmatchedBids")[0].GetProperty("remainingKwh").GetDecimal());
        Assert.Equal(0, r.GetProperty("unmatchedOffers").GetArrayLength());
        Assert.Contains("\n  \"trades\": [", stdout, StringComparison.Ordinal); // indented for people, parseable for tools
    }

    [Fact]
    public void Clear_InvalidBook_ExitsTwoWithOneErrorLinePerProblem_AndNoStackTrace()
    {
        using var temp = new TempFolder();
        string book = temp.File("bad.json");
        File.WriteAllText(book, """
            {"mechanism": "pay-as-clear",
             "bids": [{"id": "b1", "participant": "A", "price": 25, "energyKwh": 3},
                      {"id": "b1", "participant": "C", "price": 0.2, "energyKwh": 0.1234567}],
             "offers": [{"id": "o1", "participant": "B", "price": 0.1, "energyKWh": 2}]}
            """);

        var (code, stdout, stderr) = Peergrid.Invoke("clear", book);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        string[] lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "error: bad.json: bids[0].price: 25 per kWh is beyond ±10 per kWh; give the price in currency units per kWh, e.g. 0.25 (not 25 cents, not 250 per MWh)",
                "error: bad.json: bids[1].energyKwh: 0.1234567 has more than 6 decimals, and energy is settled exactly in µkWh (0.000001 kWh); round it to 6 decimals, e.g. 0.123457",
                "error: bad.json: offers[0].energyKwh: is missing; add \"energyKwh\": 2",
                "error: bad.json: offers[0].energyKWh: unknown property 'energyKWh'; did you mean 'energyKwh'?",
                "error: bad.json: bids[1].id: 'b1' is already the id of bids[0]; give every order in bids its own id",
                "bad.json: 5 problems; nothing was run",
            ],
            lines);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Clear_BrokenJson_NamesLineAndPosition()
    {
        using var temp = new TempFolder();
        string book = temp.File("broken.json");
        File.WriteAllText(book, "{\"mechanism\": \"sdr\",\n \"gridBuyPrice\": 0.15\n \"gridSellPrice\": 0.05}");

        var (code, _, stderr) = Peergrid.Invoke("clear", book);

        Assert.Equal(2, code);
        Assert.StartsWith("error: broken.json: line 3, position 2: JSON syntax error", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Clear_MissingFile_ExitsTwoAndSaysSo()
    {
        using var temp = new TempFolder();
        string missing = temp.File("nope.json");

        var (code, stdout, stderr) = Peergrid.Invoke("clear", missing);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith($"error: nope.json: book: file {missing} does not exist; check the path, or give - to read the book from standard input", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Clear_Dash_ReadsTheBookFromStandardInput()
    {
        var (code, stdout, stderr) = InvokeWithStdin("""
            {"mechanism": "sdr", "gridBuyPrice": 0.15, "gridSellPrice": 0.05,
             "slots": [{"netPositions": [{"participant": "A", "netKwh": 2.5}, {"participant": "B", "netKwh": -1.0}]}]}
            """, "clear", "-");

        Assert.True(code == 0, stderr);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement slot = Assert.Single(doc.RootElement.GetProperty("slots").EnumerateArray());
        // SDR 0.4: P_sell = 0.05·0.15 / (0.1·0.4 + 0.05) = 0.083333…, P_buy = P_sell·0.4 + 0.15·0.6 = 0.123333…
        Assert.Equal("0.123333", slot.GetProperty("buyPrice").GetRawText());
        Assert.Equal("0.083333", slot.GetProperty("sellPrice").GetRawText());
        // Budget balance: the community's 1.5 kWh net import at 0.15.
        Assert.Equal(0.225m, slot.GetProperty("participants").EnumerateArray().Sum(p => p.GetProperty("cost").GetDecimal()));
    }

    [Fact]
    public void Clear_DashWithInvalidBook_NamesStandardInput()
    {
        var (code, stdout, stderr) = InvokeWithStdin("", "clear", "-");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: <stdin>: (root): the book is empty;", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Clear_IsRegisteredInThePeergridCommand()
    {
        var (code, stdout, _) = Peergrid.Invoke("clear", "--help");

        Assert.Equal(0, code);
        Assert.Contains("standard input", stdout, StringComparison.Ordinal);
    }
}
