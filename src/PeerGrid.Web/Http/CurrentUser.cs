using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;

namespace PeerGrid.Web.Http;

/// <summary>Who is asking, and the household they own: every /api/me query is scoped through here.</summary>
internal static class CurrentUser
{
    public static string Id(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("an authorised request without a user id");

    /// <summary>The caller's household (tracked), or null when they own none (an operator).</summary>
    public static Task<HouseholdRecord?> HouseholdAsync(PlatformDbContext db, ClaimsPrincipal user, CancellationToken cancel)
    {
        string id = Id(user);
        return db.Households.SingleOrDefaultAsync(h => h.OwnerId == id, cancel);
    }

    /// <summary>The caller's household id (from the login's claim when it has one), or null.</summary>
    public static async Task<long?> HouseholdIdAsync(PlatformDbContext db, ClaimsPrincipal user, CancellationToken cancel)
    {
        if (user.FindFirstValue(Auth.HouseholdClaims.ClaimType) is { } claim
            && long.TryParse(claim, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long fromClaim))
        {
            return fromClaim;
        }
        string id = Id(user);
        List<long> ids = await db.Households.Where(h => h.OwnerId == id).Select(h => h.Id).ToListAsync(cancel);
        return ids.Count == 1 ? ids[0] : null;
    }
}
