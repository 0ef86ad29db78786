using PeerGrid.Application.Runs;
using PeerGrid.Application.Scenarios;

namespace PeerGrid.Application.Tests.Runs;

/// <summary>Wallets declared in scenario files are honoured by the "run a scenario" use case.</summary>
public sealed class WalletRunTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "peergrid-wallet-" + Guid.NewGuid().ToString("N"));

    public WalletRunTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>One winter night hour, retail 0.30: each household draws 2 kW, so 2 kWh would cost 0.60.</summary>
    private RunOutcome Run(string walletOfH1, string mechanism = "grid-only", string extraMarket = "")
    {
        string load = """{ "name": "Load", "kind": "load", "ratedPowerKw": 2, "usage": { "type": "time-windows", "weekday": [{ "from": "00:00", "to": "01:00" }], "weekend": [] } }""";
        string path = Path.Combine(_folder, "wallets.json");
        File.WriteAllText(path, $$"""
            {
              "name": "money", "seed": 1, "start": "2025-01-06T00:00", "timeZone": "Europe/Berlin",
              "horizon": { "hours": 1 }, "location": "berlin",
              "tariff": { "import": 0.30, "export": 0.10 },
              "market": { "mechanism": "{{mechanism}}"{{extraMarket}} },
              "templates": { "home": { "appliances": [{{load}}] } },
              "households": [
                { "id": "h1", "template": "home"{{walletOfH1}} },
                { "id": "h2", "template": "home" }
              ]
            }
            """);
        ScenarioFileResult loaded = ScenarioFiles.Load(path);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Errors));
        string outDir = Path.Combine(_folder, "out-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outDir);
        return RunScenario.Execute(loaded.Scenario!, outDir, new RunOptions());
    }

    [Fact]
    public void AWalletWithTooLittleMoney_BuysWhatItCanPay_AndTheRestIsUnmetForMoney()
    {
        RunOutcome outcome = Run(""", "wallet": { "initialBalance": 0.30 }""");

        WalletSummary w = Assert.Single(outcome.Summary.Wallets!);
        Assert.Equal("h1", w.Id);
        Assert.InRange(w.FinalBalance, 0m, 0.000004m); // never below zero; at most a few micro-units of rounding margin
        Assert.InRange(w.UnmetUnaffordableKwh, 0.99998, 1.00001);
        Assert.InRange(outcome.Summary.Households[0].UnmetKwh, 0.99998, 1.00001);
        Assert.Equal(0, outcome.Summary.Households[1].UnmetKwh); // no wallet, no limit
        Assert.Equal(0.60m, outcome.Summary.Households[1].NetCost);
        Assert.Contains("\"wallets\"", File.ReadAllText(outcome.SummaryPath), StringComparison.Ordinal);
    }

    [Fact]
    public void ACreditLimit_LetsTheWalletGoThatFarBelowZero()
    {
        RunOutcome outcome = Run(""", "wallet": { "initialBalance": 0.30, "creditLimit": 0.15 }""");

        WalletSummary w = Assert.Single(outcome.Summary.Wallets!);
        Assert.InRange(w.FinalBalance, -0.15m, -0.149996m);
        Assert.InRange(w.UnmetUnaffordableKwh, 0.49998, 0.50001);
    }

    [Fact]
    public void AWalletThatCanPayEverything_EndsAtItsBalanceMinusItsBill()
    {
        RunOutcome outcome = Run(""", "wallet": { "initialBalance": 5 }""");

        WalletSummary w = Assert.Single(outcome.Summary.Wallets!);
        Assert.Equal(4.40m, w.FinalBalance);
        Assert.Equal(0, w.UnmetUnaffordableKwh);
    }

    [Fact]
    public void WithoutWallets_TheSummaryHasNoWalletSection()
    {
        RunOutcome outcome = Run("");

        Assert.Null(outcome.Summary.Wallets);
        Assert.DoesNotContain("\"wallets\"", File.ReadAllText(outcome.SummaryPath), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSubscription_ComesOutOfTheWallet_AndWhatItCannotPayIsReported()
    {
        // 6 January 2025, one day of 31: the subscription due is 31 × 1/31 = 1.00; the wallet holds 0.40.
        RunOutcome outcome = Run(""", "wallet": { "initialBalance": 0.40 }""", "pay-as-clear", """, "platformSubscriptionPerMonth": 31""");

        WalletSummary w = Assert.Single(outcome.Summary.Wallets!);
        Assert.Equal(0.60m, w.PlatformSubscriptionUnpaid);
        Assert.Equal(0m, w.FinalBalance);
        Assert.InRange(w.UnmetUnaffordableKwh, 1.99998, 2.0);
        Assert.Equal(1.40m, outcome.Summary.Market.PlatformSubscriptions); // 0.40 from h1, 1.00 from h2
        Assert.Equal(0.60m, outcome.Summary.Market.PlatformSubscriptionsUnpaid);
        Assert.Equal(1.40m, outcome.Summary.Market.OperatorRevenue);
    }
}
