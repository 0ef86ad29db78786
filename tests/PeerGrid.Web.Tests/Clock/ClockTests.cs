using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence.Entities;
using PeerGrid.Persistence.Platform;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Clock;

/// <summary>The live clock over the demo community: slots settle once, in order, with balanced books.</summary>
public sealed class ClockTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly Dictionary<string, string?> FixedEpoch = new() { ["Platform:EpochDate"] = "2026-06-01" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SteppingADay_SettlesEverySlotOnce_WithReadingsForEveryHousehold_AndBalancedBooks(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider, seedDemo: true, FixedEpoch);
        HttpClient op = await OperatorClient.LoginAsync(app);
        for (int s = 0; s < 96; s++)
        {
            JsonElement settled = await OperatorClient.StepAsync(op);
            Assert.Equal(s, settled.GetProperty("slot").GetInt64());
        }
        await LedgerChecks.AssertBalancedAsync(app);
        await app.WithDbAsync(async db =>
        {
            int households = await db.Households.CountAsync();
            Assert.Equal(12, households);
            Assert.Equal(96, await db.SettledSlots.CountAsync());
            Assert.Equal(96 * households, await db.Readings.CountAsync());
            foreach (MeterReadingRecord r in await db.Readings.ToListAsync())
            {
                // Energy balance per household per slot (docs/engine.md): what came in equals what went out.
                double inflow = r.GenerationKwh + r.GridImportKwh + r.BatteryDischargeKwh + r.P2PBoughtKwh + r.UnmetKwh;
                double outflow = r.LoadKwh + r.GridExportKwh + r.BatteryChargeKwh + r.P2PSoldKwh + r.CurtailedKwh;
                Assert.True(Math.Abs(inflow - outflow) < 1e-6, $"household {r.HouseholdId} slot {r.Slot}: in {inflow} out {outflow}");
            }
            // Midday in June in Berlin: the PV households sell to their neighbours.
            Assert.True(await db.Trades.AnyAsync());
            Assert.True(await db.SettledSlots.SumAsync(s => s.P2PKwh) > 1);
            return 0;
        });
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ConcurrentSteps_SettleConsecutiveSlots_NeverOneTwice(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider, seedDemo: true, FixedEpoch);
        HttpClient op = await OperatorClient.LoginAsync(app);
        JsonElement[] results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => OperatorClient.StepAsync(op)));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => (long)i), results.Select(r => r.GetProperty("slot").GetInt64()).Order());
        await LedgerChecks.AssertBalancedAsync(app);
    }

    [Fact]
    public async Task SettlingASlotTwice_IsRefusedByTheDatabase()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite", seedDemo: true, FixedEpoch);
        HttpClient op = await OperatorClient.LoginAsync(app);
        await OperatorClient.StepAsync(op);
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.SettledSlots.Add(new SettledSlotRecord { CommunityId = 1, Slot = 0 });
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task SwitchingAGeneratorOff_TakesEffectFromTheNextSlot()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite", seedDemo: true, FixedEpoch);
        HttpClient op = await OperatorClient.LoginAsync(app);
        for (int s = 0; s < 48; s++)
        {
            await OperatorClient.StepAsync(op); // to noon
        }
        long pvHousehold = await app.WithDbAsync(db => db.Generators.Select(g => g.HouseholdId).FirstAsync());
        double before = await app.WithDbAsync(db => db.Readings.Where(r => r.HouseholdId == pvHousehold && r.Slot == 47).Select(r => r.GenerationKwh).SingleAsync());
        Assert.True(before > 0);
        await app.WithDbAsync(async db =>
        {
            long community = await db.Households.Where(h => h.Id == pvHousehold).Select(h => h.CommunityId).SingleAsync();
            await db.Generators.Where(g => g.HouseholdId == pvHousehold).ExecuteUpdateAsync(s => s.SetProperty(g => g.IsOn, false));
            await Communities.TouchAsync(db, community);
            return 0;
        });
        await OperatorClient.StepAsync(op);
        double after = await app.WithDbAsync(db => db.Readings.Where(r => r.HouseholdId == pvHousehold && r.Slot == 48).Select(r => r.GenerationKwh).SingleAsync());
        Assert.Equal(0, after);
    }

    [Fact]
    public async Task AContract_DeliversFromTheChosenSeller_AndMovesMoneyBuyerToSeller()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite", seedDemo: true, FixedEpoch);
        HttpClient op = await OperatorClient.LoginAsync(app);
        (long buyer, long seller) = await app.WithDbAsync(async db =>
        {
            long s = await db.Generators.Select(g => g.HouseholdId).MinAsync();
            long b = await db.Households.Where(h => !db.Generators.Any(g => g.HouseholdId == h.Id)).Select(h => h.Id).MinAsync();
            db.Contracts.Add(new ContractRecord { CommunityId = 1, BuyerHouseholdId = b, SellerHouseholdId = s, KwhPerSlot = 0.05, PriceMicrosPerKwh = 200_000, StartSlot = 0 });
            await db.SaveChangesAsync();
            await Communities.TouchAsync(db, 1);
            return (b, s);
        });
        for (int s = 0; s < 56; s++)
        {
            await OperatorClient.StepAsync(op);
        }
        await app.WithDbAsync(async db =>
        {
            List<TradeRecord> contract = await db.Trades.Where(t => t.Kind == "contract").ToListAsync();
            Assert.NotEmpty(contract);
            Assert.All(contract, t =>
            {
                Assert.Equal(buyer, t.BuyerHouseholdId);
                Assert.Equal(seller, t.SellerHouseholdId);
                Assert.Equal(200_000, t.PriceMicrosPerKwh);
                Assert.True(t.EnergyMicroKwh <= 50_000);
                Assert.Equal((long)Math.Round(t.EnergyMicroKwh * 0.2m, MidpointRounding.ToEven), t.AmountMicros); // 0.2 per kWh, half-to-even
            });
            return 0;
        });
        await LedgerChecks.AssertBalancedAsync(app);
    }

    [Fact]
    public async Task SettledSlots_ArePublishedOnTheEventStream()
    {
        // Over real sockets (Kestrel on a loopback port), as a browser subscribes.
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite", seedDemo: true, FixedEpoch, kestrel: true);
        HttpClient op = await OperatorClient.LoginAsync(app);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using HttpResponseMessage stream = await op.GetAsync("/api/market/events", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(cancel.Token));
        // The server subscribes before it sends the headers: every slot settled from now on arrives.
        await OperatorClient.StepAsync(op);
        await OperatorClient.StepAsync(op);
        string? first = await ReadFirstDataAsync(reader, cancel.Token);
        string? second = await ReadFirstDataAsync(reader, cancel.Token);
        Assert.Equal(0, JsonDocument.Parse(first!).RootElement.GetProperty("slot").GetInt64());
        Assert.Equal(1, JsonDocument.Parse(second!).RootElement.GetProperty("slot").GetInt64());
    }

    private static async Task<string?> ReadFirstDataAsync(StreamReader reader, CancellationToken cancel)
    {
        while (await reader.ReadLineAsync(cancel) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return line["data: ".Length..];
            }
        }
        return null;
    }

    [Fact]
    public async Task TheClock_IsForOperatorsOnly()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite");
        UserClient user = await app.RegisterAsync();
        await Expect.StatusAsync(await user.Http.PostAsync("/api/operator/clock/step", null), 403);
        await Expect.StatusAsync(await app.Anonymous().PostAsync("/api/operator/clock/step", null), 401);
    }

    [Fact]
    public async Task Readings_AreMineOnly_AndTheRangeIsChecked()
    {
        await using PlatformApp app = await PlatformApp.StartAsync("sqlite", seedDemo: true, FixedEpoch);
        HttpClient op = await OperatorClient.LoginAsync(app);
        UserClient user = await app.RegisterAsync();
        await OperatorClient.StepAsync(op);
        JsonElement mine = await user.Http.GetFromJsonAsync<JsonElement>("/api/me/readings");
        Assert.Equal(user.HouseholdId, mine.GetProperty("householdId").GetInt64());
        Assert.Equal(1, mine.GetProperty("readings").GetArrayLength());
        await Expect.StatusAsync(await user.Http.GetAsync("/api/me/readings?fromSlot=0&toSlot=100000"), 400);
        await Expect.StatusAsync(await user.Http.GetAsync("/api/me/readings?fromSlot=-1&toSlot=3"), 400);
    }
}
