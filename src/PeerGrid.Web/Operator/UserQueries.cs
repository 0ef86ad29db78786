using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Operator;

/// <summary>
/// The operator's list of users with their roles, household, community, wallet balance and lockout, a page at a time,
/// ordered by e-mail, optionally only those whose e-mail or name contains a search text: GET /api/operator/users and
/// the Users page both read it here.
/// </summary>
internal static class UserQueries
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public const int MaxSearchLength = 100;

    /// <param name="now">The current instant (from the injected clock): a lockout ending after it is active.</param>
    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1 … <see cref="MaxPageSize"/>.</param>
    /// <param name="search">
    /// Text the e-mail or display name contains, ignoring case (null or blank: every user; at most
    /// <see cref="MaxSearchLength"/> characters). The e-mail is matched on Identity's upper-cased normalized e-mail;
    /// the name on the database's lower(), which on SQLite folds ASCII letters only.
    /// </param>
    public static async Task<UsersPage> PageAsync(PlatformDbContext db, DateTimeOffset now, int page, int pageSize, string? search, CancellationToken cancel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        IQueryable<PlatformUser> matching = db.Users.AsNoTracking();
        string? text = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        if (text is not null)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(text.Length, MaxSearchLength, nameof(search));
            string upper = text.ToUpperInvariant(), lower = text.ToLowerInvariant();
            // Translated to SQL, not run here: ToLower() becomes lower() and Contains instr() on SQLite, strpos() on
            // PostgreSQL (no LIKE, so % and _ are plain characters). Culture-aware .NET overloads do not translate.
#pragma warning disable CA1304, CA1311, CA1862
            matching = matching.Where(u => (u.NormalizedEmail != null && u.NormalizedEmail.Contains(upper)) || u.DisplayName.ToLower().Contains(lower));
#pragma warning restore CA1304, CA1311, CA1862
        }
        int total = await matching.CountAsync(cancel);
        var rows = await matching.OrderBy(u => u.Email).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.LockoutEnd,
                Household = db.Households.Where(h => h.OwnerId == u.Id)
                    .Select(h => new { h.Id, h.Name, Community = db.Communities.Where(c => c.Id == h.CommunityId).Select(c => c.Name).FirstOrDefault() })
                    .FirstOrDefault(),
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
            r.Household?.Community,
            r.Household is null ? null : MoneyField.ToUnits(balances.GetValueOrDefault(r.Household.Id))))];
        return new UsersPage(page, pageSize, total, text, users);
    }
}

/// <summary>One page of users; <see cref="Total"/> counts all users the search matches (all users without one).</summary>
internal sealed record UsersPage(int Page, int PageSize, int Total, string? Search, IReadOnlyList<UserRow> Users);

/// <summary>A user as the operator sees them; <see cref="Balance"/> in currency units, null without a household.</summary>
internal sealed record UserRow(string Id, string? Email, string DisplayName, IReadOnlyList<string?> Roles, bool LockedOut, long? HouseholdId, string? HouseholdName, string? CommunityName, decimal? Balance);
