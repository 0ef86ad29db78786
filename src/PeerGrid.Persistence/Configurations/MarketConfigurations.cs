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

internal sealed class DeviceReadingConfiguration : IEntityTypeConfiguration<DeviceReadingRecord>
{
    public void Configure(EntityTypeBuilder<DeviceReadingRecord> e)
    {
        e.ToTable("DeviceReadings");
        // Household and slot first: the device pages sum a household's day (a range of slots) by device.
        e.HasKey(x => new { x.HouseholdId, x.Slot, x.Kind, x.DeviceId });
        e.Property(x => x.Kind).HasMaxLength(16);
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

internal sealed class OrderConfiguration : IEntityTypeConfiguration<OrderRecord>
{
    public void Configure(EntityTypeBuilder<OrderRecord> e)
    {
        e.ToTable("Orders");
        e.Property(x => x.Side).HasMaxLength(8);
        e.Property(x => x.Status).HasMaxLength(16);
        // The clock reads a slot's open orders; a household lists its own.
        e.HasIndex(x => new { x.CommunityId, x.Slot, x.Status });
        e.HasIndex(x => new { x.HouseholdId, x.Id });
        e.HasOne<HouseholdRecord>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CommunityRecord>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
    }
}
