using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerGrid.Persistence.Entities;

namespace PeerGrid.Persistence.Configurations;

internal sealed class CommunityConfiguration : IEntityTypeConfiguration<CommunityRecord>
{
    public void Configure(EntityTypeBuilder<CommunityRecord> e)
    {
        e.ToTable("Communities");
        e.Property(x => x.Name).HasMaxLength(100);
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<HouseholdRecord>
{
    public void Configure(EntityTypeBuilder<HouseholdRecord> e)
    {
        e.ToTable("Households");
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Cell).HasMaxLength(64);
        e.HasIndex(x => x.OwnerId).IsUnique();
        e.HasIndex(x => x.CommunityId);
        e.HasOne<CommunityRecord>().WithMany().HasForeignKey(x => x.CommunityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PlatformUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApplianceConfiguration : IEntityTypeConfiguration<ApplianceRecord>
{
    public void Configure(EntityTypeBuilder<ApplianceRecord> e) => Devices.Configure(e, "Appliances");
}

internal sealed class GeneratorConfiguration : IEntityTypeConfiguration<GeneratorRecord>
{
    public void Configure(EntityTypeBuilder<GeneratorRecord> e)
    {
        Devices.Configure(e, "Generators");
        e.Property(x => x.Type).HasMaxLength(32);
    }
}

internal sealed class BatteryConfiguration : IEntityTypeConfiguration<BatteryRecord>
{
    public void Configure(EntityTypeBuilder<BatteryRecord> e) => Devices.Configure(e, "Batteries");
}

internal static class Devices
{
    public static void Configure<T>(EntityTypeBuilder<T> e, string table)
        where T : DeviceRecord
    {
        e.ToTable(table);
        e.Property(x => x.Name).HasMaxLength(100);
        e.HasIndex(x => x.HouseholdId);
        e.HasOne<HouseholdRecord>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}
