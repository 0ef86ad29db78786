using Microsoft.AspNetCore.Identity;
using PeerGrid.Persistence.Entities;

namespace PeerGrid.Web.Operator;

/// <summary>What locking or unlocking a user did.</summary>
internal enum LockOutcome
{
    Done,
    NotFound,

    /// <summary>An operator cannot lock themselves out: the community would be left without anyone to unlock them.</summary>
    Self,
}

/// <summary>
/// The operator locks a user out (no login until unlocked) or lets them in again, which also clears a lockout that
/// failed logins caused: POST /api/operator/users/{id}/lock and /unlock and the Users page both come here. Locking
/// changes the user's security stamp, so their refresh tokens stop working and cookies are rejected at the next
/// validation; the login refuses them at once.
/// </summary>
internal static class UserCommands
{
    public static async Task<LockOutcome> SetLockedAsync(UserManager<PlatformUser> users, string actingUserId, string userId, bool locked)
    {
        PlatformUser? user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return LockOutcome.NotFound;
        }
        if (locked && user.Id == actingUserId)
        {
            return LockOutcome.Self;
        }
        if (locked)
        {
            Check(await users.SetLockoutEnabledAsync(user, true));
            Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
            Check(await users.UpdateSecurityStampAsync(user));
        }
        else
        {
            Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
        }
        return LockOutcome.Done;
    }

    // Identity answers failures as results; with a user that exists these are storage faults, not the operator's mistake.
    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity refused the lockout change: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
