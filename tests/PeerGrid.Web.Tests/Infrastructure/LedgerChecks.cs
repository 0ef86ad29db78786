using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence;

namespace PeerGrid.Web.Tests.Infrastructure;

/// <summary>The ledger's invariants, checked straight in the database.</summary>
public static class LedgerChecks
{
    /// <summary>All accounts sum to zero; each balance equals its transfers in minus out; none below its limit.</summary>
    public static async Task AssertBalancedAsync(PlatformApp app)
    {
        await app.WithDbAsync(async db =>
        {
            var accounts = await db.Accounts.AsNoTracking().ToListAsync();
            var transfers = await db.Transfers.AsNoTracking().Select(t => new { t.FromAccountId, t.ToAccountId, t.AmountMicros }).ToListAsync();
            Assert.Equal(0, accounts.Sum(a => a.BalanceMicros));
            foreach (var a in accounts)
            {
                long net = transfers.Where(t => t.ToAccountId == a.Id).Sum(t => t.AmountMicros) - transfers.Where(t => t.FromAccountId == a.Id).Sum(t => t.AmountMicros);
                Assert.Equal(net, a.BalanceMicros);
                Assert.True(a.BalanceMicros >= -a.CreditLimitMicros, $"account {a.Id} is below its credit limit");
            }
            return 0;
        });
    }

    public static Task<int> TransferCountAsync(PlatformApp app) => app.WithDbAsync(db => db.Transfers.CountAsync());
}
