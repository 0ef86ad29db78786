using Microsoft.AspNetCore.Identity;

namespace PeerGrid.Persistence.Entities;

/// <summary>A registered user. A prosumer owns exactly one household; an operator runs the community.</summary>
public sealed class PlatformUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}
