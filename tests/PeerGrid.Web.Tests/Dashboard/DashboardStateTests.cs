using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Persistence.Platform;
using PeerGrid.Web.Auth;
using PeerGrid.Web.Clock;
using PeerGrid.Web.Components.Pages.Dashboard;
using PeerGrid.Web.Tests.Infrastructure;

namespace PeerGrid.Web.Tests.Dashboard;

/// <summary>
/// An open dashboard applies each settled slot from its event instead of querying. Applying must give exactly what
/// a fresh load gives, across a day's and a month's end, or the page would drift from the books.
/// </summary>
public sealed class DashboardStateTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    // The last day of June: slot 96 is the 1st of July, so both the day's and the month's sums restart.
    private static readonly Dictionary<string, string?> EndOfJune = new() { ["Platform:EpochDate"] = "2026-06-30" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ApplyingEverySlotsEvent_EqualsLoadingAfterIt_AcrossTheEndOfADayAndAMonth(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider, seedDemo: true, EndOfJune);
        MarketClock clock = app.Services.GetRequiredService<MarketClock>();
        using SlotEvents.Subscription feed = app.Services.GetRequiredService<SlotEvents>().Subscribe();
        await using IAsyncEnumerator<SettledSlot> events = feed.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        List<(ClaimsPrincipal User, long Household)> users = await app.WithDbAsync(async db =>
            (await db.Households.OrderBy(h => h.Id).Select(h => new { h.Id, h.OwnerId }).ToListAsync())
                .Select(h => (Principal(h.OwnerId!, h.Id), h.Id)).ToList());
        long community = await app.WithDbAsync(db => db.Communities.Select(c => c.Id).SingleAsync());
        // Before any slot: nothing to show yet, for every household.
        List<DashboardState> states = [];
        foreach ((ClaimsPrincipal user, _) in users)
        {
            DashboardState? loaded = await LoadAsync(app, user);
            Assert.NotNull(loaded);
            Assert.Null(loaded.Latest);
            states.Add(loaded);
        }

        long[] checkpoints = [0, 1, 50, 95, 96, 97, 110];
        for (long s = 0; s <= checkpoints[^1]; s++)
        {
            Assert.NotNull(await clock.StepAsync(community, CancellationToken.None));
            Assert.True(await events.MoveNextAsync());
            SettledSlot slot = events.Current;
            Assert.Equal(s, slot.Slot);
            foreach (DashboardState state in states)
            {
                Assert.True(state.Apply(slot), $"slot {s} did not apply to household {state.HouseholdId}");
                // The same event again (a read that already had it) changes nothing.
                Assert.True(state.Apply(slot));
            }
            if (checkpoints.Contains(s))
            {
                for (int i = 0; i < users.Count; i++)
                {
                    AssertSame((await LoadAsync(app, users[i].User))!, states[i], s);
                }
            }
        }
        // The month restarted at slot 96: the month's bill is the last 15 slots' only, as today's is.
        Assert.All(states, st => Assert.Equal(st.Sums.TodayPaid, st.Sums.MonthPaid));
        Assert.Contains(states, st => st.Trades.Count > 0);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AMissedSlot_AsksForAReload_AndChangesNothing(string provider)
    {
        await using PlatformApp app = await PlatformApp.StartAsync(provider, seedDemo: true, EndOfJune);
        MarketClock clock = app.Services.GetRequiredService<MarketClock>();
        long community = await app.WithDbAsync(db => db.Communities.Select(c => c.Id).SingleAsync());
        var (owner, id) = await app.WithDbAsync(async db => await db.Households.OrderBy(h => h.Id).Select(h => new { h.OwnerId, h.Id }).FirstAsync() is var h ? (h.OwnerId!, h.Id) : default);
        Assert.NotNull(await clock.StepAsync(community, CancellationToken.None));
        DashboardState state = (await LoadAsync(app, Principal(owner, id)))!;
        Assert.NotNull(await clock.StepAsync(community, CancellationToken.None));
        SettledSlot third = (await clock.StepAsync(community, CancellationToken.None))!;
        Sums before = state.Sums;

        Assert.False(state.Apply(third));
        Assert.Equal(0, state.Latest!.Slot);
        Assert.Equal(before, state.Sums);
    }

    private static void AssertSame(DashboardState expected, DashboardState actual, long slot)
    {
        string at = $"household {expected.HouseholdId} at slot {slot}";
        Assert.True(expected.Latest?.Slot == actual.Latest?.Slot, at);
        Assert.True(expected.Latest!.PaidMicros == actual.Latest!.PaidMicros, at);
        Assert.True(expected.Sums == actual.Sums, $"{at}: loaded {expected.Sums}, applied {actual.Sums}");
        Assert.True(expected.WalletMicros == actual.WalletMicros, at);
        Assert.True(expected.ClearingPriceMicros == actual.ClearingPriceMicros && expected.GridBuyMicros == actual.GridBuyMicros, at);
        Assert.True(expected.StateOfChargePercent == actual.StateOfChargePercent, at);
        Assert.Equal(expected.Day.Select(r => (r.Slot, r.LoadKwh, r.GenerationKwh)), actual.Day.Select(r => (r.Slot, r.LoadKwh, r.GenerationKwh)));
        Assert.Equal(expected.Week.Select(d => d.Day), actual.Week.Select(d => d.Day));
        foreach ((DayTotals e, DayTotals a) in expected.Week.Zip(actual.Week))
        {
            // Sums of doubles in another order: equal to rounding.
            Assert.True(Math.Abs(e.LoadKwh - a.LoadKwh) < 1e-9 && Math.Abs(e.GenerationKwh - a.GenerationKwh) < 1e-9
                && Math.Abs(e.GridImportKwh - a.GridImportKwh) < 1e-9 && Math.Abs(e.P2PKwh - a.P2PKwh) < 1e-9, $"{at}: day {e.Day}");
        }
        Assert.Equal(expected.Trades.Select(t => t.Id), actual.Trades.Select(t => t.Id));
    }

    private static async Task<DashboardState?> LoadAsync(PlatformApp app, ClaimsPrincipal user)
    {
        using IServiceScope scope = app.Services.CreateScope();
        return await DashboardQuery.LoadAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), user, CancellationToken.None);
    }

    private static ClaimsPrincipal Principal(string userId, long household) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(HouseholdClaims.ClaimType, household.ToString(System.Globalization.CultureInfo.InvariantCulture))], "test"));
}
