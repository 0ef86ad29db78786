using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Domain;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;

namespace PeerGrid.Web.Auth;

/// <summary>
/// Registering a prosumer: the field rules, the Identity user, the role and a household with an empty wallet, in one
/// transaction. The REST API (/api/auth/register) and the dashboard's register page both go through here, so they
/// accept and refuse the same input with the same messages.
/// </summary>
internal static class Registration
{
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;

    /// <summary>The password rule as users read it (Identity's options in PlatformSetup enforce it).</summary>
    public const string PasswordFix = "use at least 10 characters with a digit, a lower-case and an upper-case letter";

    /// <summary>Checks the fields that Identity does not (e-mail shape, name lengths); errors go under the field names.</summary>
    public static void Check(string? email, string? displayName, string? householdName, ValidationErrors errors)
    {
        CheckLength("displayName", displayName, errors);
        CheckLength("householdName", householdName, errors);
        if (email is not null && (email.Length > MaxEmailLength || !email.Contains('@', StringComparison.Ordinal)))
        {
            errors.Add("email", "is not an e-mail address", "give an address like ada@example.org");
        }
    }

    /// <summary>
    /// Creates the account after <see cref="Check"/> passed. Returns the new user and household, or the field errors
    /// (Identity's password and duplicate-address rules) with nothing written; a community must exist (else null, null).
    /// </summary>
    public static async Task<RegistrationResult> RegisterAsync(PlatformDbContext db, UserManager<PlatformUser> users, string email, string password,
        string? displayName, string? householdName, CancellationToken cancel)
    {
        CommunityRecord? community = await db.Communities.OrderBy(c => c.Id).FirstOrDefaultAsync(cancel);
        if (community is null)
        {
            return new RegistrationResult(null, null, null, NoCommunity: true);
        }
        await using var tx = await db.Database.BeginTransactionAsync(cancel);
        var user = new PlatformUser { UserName = email, Email = email, DisplayName = displayName ?? email.Split('@')[0] };
        IdentityResult created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new RegistrationResult(null, null, Errors(created), NoCommunity: false);
        }
        await users.AddToRoleAsync(user, Roles.Prosumer);
        HouseholdRecord household = await Households.CreateAsync(db, community.Id, user.Id, householdName ?? $"{user.DisplayName}'s household", cancel);
        await tx.CommitAsync(cancel);
        return new RegistrationResult(user, household, null, NoCommunity: false);
    }

    private static ValidationErrors Errors(IdentityResult result)
    {
        var errors = new ValidationErrors();
        foreach (IdentityError e in result.Errors)
        {
            string field = e.Code.Contains("Password", StringComparison.Ordinal) ? "password"
                : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email"
                : "(body)";
            errors.Add(field, e.Description, field == "password" ? PasswordFix : "use another e-mail address");
        }
        return errors;
    }

    private static void CheckLength(string field, string? value, ValidationErrors errors)
    {
        if (value is not null && (value.Length > MaxNameLength || value.Trim().Length == 0))
        {
            errors.Add(field, value.Trim().Length == 0 ? "is blank" : $"has {value.Length} characters, more than {MaxNameLength}", $"give 1–{MaxNameLength} characters");
        }
    }
}

/// <summary>A registration's outcome: the user and household, or field errors, or no community to join.</summary>
internal sealed record RegistrationResult(PlatformUser? User, HouseholdRecord? Household, ValidationErrors? Errors, bool NoCommunity);
