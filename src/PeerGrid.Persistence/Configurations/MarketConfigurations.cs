using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerGrid.Persistence.Entities;

namespace PeerGrid.Persistence.Configurations;

internal sealed class ContractConfiguration : IEntityTypeConfiguration<ContractRecord>
{
    public void Configure(EntityTypeBuilder<ContractRecord> e)
    {
        e.ToTable("Contracts");
        e.Property(x => x.Status).HasMaxLength(16);
        e.HasIndex(x => new { x.CommunityId, x.Status });
        e.HasIndex(x => x.BuyerHouseholdId);
        e.HasOne<HouseholdRecord>().WithMany().HasForeignKey(x => x.BuyerHouseholdId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<HouseholdRecord>().WithMany().HasForeignKey(x => x.SellerHouseholdId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PreferredTraderConfiguration : IEntityTypeConfiguration<PreferredTraderRecord>
{
    public void Configure(EntityTypeBuilder<PreferredTraderRecord> e)
    {
        e.ToTable("PreferredTraders");
        e.HasKey(x => new { x.BuyerHouseholdId, x.SellerHouseholdId });
        e.HasOne<HouseholdRecord>().WithMany().HasForeignKey(x => x.BuyerHouseholdId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<HouseholdRecord>().WithMany().HasForeignKey(x => x.SellerHouseholdId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeterReadingConfiguration : IEntityTypeConfiguration<MeterReadingRecord>
{
    public void Configure(EntityTypeBuilder<MeterReadingRecord> e)
    {
        e.ToTable("MeterReadings");
        e.HasKey(x => new { x.HouseholdId, x.Slot });
    }
}

internal sealed class TradeConfiguration : IEntityTypeConfiguration<TradeRecord>
{
    public void Configure(EntityTypeBuilder<TradeRecord> e)
    {
        e.ToTable("Trades");
        e.Property(x => x.Kind).HasMaxLength(16);
        e.HasIndex(x => new { x.CommunityId, x.Slot });
        e.HasIndex(x => new { x.BuyerHouseholdId, x.Slot });
        e.HasIndex(x => new { x.SellerHouseholdId, x.Slot });
    }
}

internal sealed class SettledSlotConfiguration : IEntityTypeConfiguration<SettledSlotRecord>
{
    public void Configure(EntityTypeBuilder<SettledSlotRecord> e)
    {
        e.ToTable("SettledSlots");
        e.HasKey(x => new { x.CommunityId, x.Slot });
    }
}
