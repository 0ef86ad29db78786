using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Operator;

/// <summary>
/// The operator's list of users with their roles, household, wallet balance and lockout, a page at a time, ordered by
/// e-mail: GET /api/operator/users and the Users page both read it here.
/// </summary>
internal static class UserQueries
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <param name="now">The current instant (from the injected clock): a lockout ending after it is active.</param>
    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1 … <see cref="MaxPageSize"/>.</param>
    public static async Task<UsersPage> PageAsync(PlatformDbContext db, DateTimeOffset now, int page, int pageSize, CancellationToken cancel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        int total = await db.Users.CountAsync(cancel);
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.Email).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.LockoutEnd,
                Household = db.Households.Where(h => h.OwnerId == u.Id).Select(h => new { h.Id, h.Name }).FirstOrDefault(),
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .ToListAsync(cancel);
        var householdIds = rows.Where(r => r.Household is not null).Select(r => r.Household!.Id).ToList();
        Dictionary<long, long> balances = await db.Accounts.Where(a => a.HouseholdId != null && householdIds.Contains(a.HouseholdId.Value))
            .ToDictionaryAsync(a => a.HouseholdId!.Value, a => a.BalanceMicros, cancel);
        List<UserRow> users = [.. rows.Select(r => new UserRow(
            r.Id,
            r.Email,
            r.DisplayName,
            r.Roles,
            r.LockoutEnd > now,
            r.Household?.Id,
            r.Household?.Name,
            r.Household is null ? null : MoneyField.ToUnits(balances.GetValueOrDefault(r.Household.Id))))];
        return new UsersPage(page, pageSize, total, users);
    }
}

/// <summary>One page of users; <see cref="Total"/> counts all users.</summary>
internal sealed record UsersPage(int Page, int PageSize, int Total, IReadOnlyList<UserRow> Users);

/// <summary>A user as the operator sees them; <see cref="Balance"/> in currency units, null without a household.</summary>
internal sealed record UserRow(string Id, string? Email, string DisplayName, IReadOnlyList<string?> Roles, bool LockedOut, long? HouseholdId, string? HouseholdName, decimal? Balance);
