using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Persistence.Entities;

namespace PeerGrid.Persistence;

/// <summary>
/// The platform's database: Identity's tables plus communities, households, devices, the ledger, contracts, orders,
/// meter readings, trades and settled slots. Each provider has a subclass that owns its migrations (ADR 0006).
/// </summary>
public abstract class PlatformDbContext(DbContextOptions options) : IdentityDbContext<PlatformUser>(options)
{
    public DbSet<CommunityRecord> Communities => Set<CommunityRecord>();
    public DbSet<HouseholdRecord> Households => Set<HouseholdRecord>();
    public DbSet<ApplianceRecord> Appliances => Set<ApplianceRecord>();
    public DbSet<GeneratorRecord> Generators => Set<GeneratorRecord>();
    public DbSet<BatteryRecord> Batteries => Set<BatteryRecord>();
    public DbSet<LedgerAccountRecord> Accounts => Set<LedgerAccountRecord>();
    public DbSet<LedgerTransferRecord> Transfers => Set<LedgerTransferRecord>();
    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();
    public DbSet<ContractRecord> Contracts => Set<ContractRecord>();
    public DbSet<PreferredTraderRecord> PreferredTraders => Set<PreferredTraderRecord>();
    public DbSet<MeterReadingRecord> Readings => Set<MeterReadingRecord>();
    public DbSet<DeviceReadingRecord> DeviceReadings => Set<DeviceReadingRecord>();
    public DbSet<TradeRecord> Trades => Set<TradeRecord>();
    public DbSet<SettledSlotRecord> SettledSlots => Set<SettledSlotRecord>();
    public DbSet<OrderRecord> Orders => Set<OrderRecord>();

    /// <summary>"sqlite" or "postgresql".</summary>
    public abstract string Provider { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);
    }
}
