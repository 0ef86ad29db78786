using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerGrid.Persistence.Entities;

namespace PeerGrid.Persistence.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<LedgerAccountRecord>
{
    public void Configure(EntityTypeBuilder<LedgerAccountRecord> e)
    {
        e.ToTable("LedgerAccounts", t => t.HasCheckConstraint("CK_LedgerAccounts_Limit", "\"BalanceMicros\" >= -\"CreditLimitMicros\""));
        e.Property(x => x.Kind).HasMaxLength(32);
        e.HasIndex(x => x.HouseholdId).IsUnique();
        e.HasIndex(x => new { x.CommunityId, x.Kind });
        e.HasOne<CommunityRecord>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TransferConfiguration : IEntityTypeConfiguration<LedgerTransferRecord>
{
    public void Configure(EntityTypeBuilder<LedgerTransferRecord> e)
    {
        e.ToTable("LedgerTransfers", t => t.HasCheckConstraint("CK_LedgerTransfers_Positive", "\"AmountMicros\" > 0"));
        e.Property(x => x.Kind).HasMaxLength(32);
        e.Property(x => x.Reference).HasMaxLength(200);
        e.HasIndex(x => new { x.FromAccountId, x.Id });
        e.HasIndex(x => new { x.ToAccountId, x.Id });
        e.HasIndex(x => new { x.CommunityId, x.Slot });
        e.HasOne<LedgerAccountRecord>().WithMany().HasForeignKey(x => x.FromAccountId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<LedgerAccountRecord>().WithMany().HasForeignKey(x => x.ToAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IdempotencyConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> e)
    {
        e.ToTable("IdempotencyKeys");
        e.HasKey(x => new { x.UserId, x.Key });
        e.Property(x => x.Key).HasMaxLength(200);
        e.Property(x => x.Operation).HasMaxLength(64);
        e.Property(x => x.RequestHash).HasMaxLength(64);
    }
}
