using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;

namespace PeerGrid.Web.Auth;

/// <summary>
/// Puts the user's household id into their cookie or token at login, so the hot read paths (/api/me/wallet,
/// /api/me/readings) scope by it without a lookup. A household never changes owner, so the claim cannot go stale.
/// </summary>
internal sealed class HouseholdClaims(UserManager<PlatformUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, PlatformDbContext db)
    : UserClaimsPrincipalFactory<PlatformUser, IdentityRole>(users, roles, options)
{
    public const string ClaimType = "peergrid:household";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PlatformUser user)
    {
        ClaimsIdentity identity = await base.GenerateClaimsAsync(user);
        List<long> ids = await db.Households.Where(h => h.OwnerId == user.Id).Select(h => h.Id).ToListAsync();
        if (ids.Count == 1)
        {
            identity.AddClaim(new Claim(ClaimType, ids[0].ToString(CultureInfo.InvariantCulture)));
        }
        return identity;
    }
}
