using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;

namespace PeerGrid.Benchmarks.Platform;

/// <summary>
/// Writes a year of history into a platform database whose clock has not settled anything: a settled-slot marker for
/// every slot of 365 days and, for every household, a meter reading per slot and a pool trade in the slots it bought
/// from peers. The values follow a day's shape (evening load peak, midday PV scaled by season) with seeded noise, so
/// sums and charts look like a real year; the clock then continues after the year. Bulk writes bypass EF Core
/// (SQLite: one prepared insert in one transaction; PostgreSQL: binary COPY): this is set-up, not what is measured.
/// </summary>
internal static class YearOfReadings
{
    public const int Days = 365;

    public static async Task<(long Community, long Slots, long Readings)> WriteAsync(PlatformDbContext db, TextWriter output)
    {
        CommunityRecord community = await db.Communities.SingleAsync();
        if (await db.SettledSlots.AnyAsync(s => s.CommunityId == community.Id))
        {
            throw new InvalidOperationException("the community has settled slots already: start the platform on a fresh database with Platform__ClockAutoStart=false");
        }
        int slotMinutes = 15;
        int perDay = 1440 / slotMinutes;
        long slots = (long)Days * perDay;
        List<long> households = await db.Households.Where(h => h.CommunityId == community.Id).OrderBy(h => h.Id).Select(h => h.Id).ToListAsync();

        var markers = new List<SettledSlotRecord>((int)slots);
        DateTimeOffset epoch = new(community.EpochDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        for (long s = 0; s < slots; s++)
        {
            markers.Add(new SettledSlotRecord
            {
                CommunityId = community.Id, Slot = s, StartUtc = epoch.AddMinutes(s * slotMinutes), ClearingPriceMicrosPerKwh = 200_000,
                GridBuyMicrosPerKwh = 320_000, GridSellMicrosPerKwh = 80_000,
            });
        }
        db.SettledSlots.AddRange(markers);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        long readings = db.Database.IsNpgsql()
            ? await CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), community.Id, households, slots, perDay)
            : await InsertAsync(db.Database.GetDbConnection(), community.Id, households, slots, perDay);
        output.WriteLine($"wrote {slots} settled slots and {readings} readings for {households.Count} households ({Days} days)");
        return (community.Id, slots, readings);
    }

    /// <summary>One household's synthetic slot: kWh values and money, deterministic in (household, slot).</summary>
    private static Row Make(long household, long slot, int perDay)
    {
        var random = new Random(HashCode.Combine(household, slot));
        double hour = (slot % perDay) * 24.0 / perDay;
        double season = 0.6 + (0.4 * Math.Cos(2 * Math.PI * ((slot / perDay) - 172) / 365.0));
        double load = (0.06 + (0.08 * Math.Exp(-Math.Pow(hour - 19, 2) / 6)) + (0.04 * Math.Exp(-Math.Pow(hour - 7.5, 2) / 2))) * (0.7 + (0.6 * random.NextDouble()));
        double pv = household % 2 == 0 ? Math.Max(0, Math.Sin(Math.PI * (hour - 6) / 14)) * 1.1 * season * (0.5 + (0.5 * random.NextDouble())) : 0;
        double net = load - pv;
        double bought = net > 0 ? net * 0.4 : 0, imported = net > 0 ? net - bought : 0;
        double sold = net < 0 ? -net * 0.5 : 0, exported = net < 0 ? -net - sold : 0;
        long paid = (long)Math.Round((imported * 320_000) + (bought * 200_000) - (sold * 200_000) - (exported * 80_000));
        return new Row(load, pv, imported, exported, bought, sold, paid, (long)Math.Round(load * 320_000));
    }

    private static async Task<long> InsertAsync(DbConnection connection, long community, List<long> households, long slots, int perDay)
    {
        await connection.OpenAsync();
        await using DbTransaction tx = await connection.BeginTransactionAsync();
        await using DbCommand reading = connection.CreateCommand();
        reading.Transaction = tx;
        reading.CommandText = """
            INSERT INTO "MeterReadings" ("HouseholdId","Slot","LoadKwh","GenerationKwh","BatteryChargeKwh","BatteryDischargeKwh","BatteryStoredKwh",
              "GridImportKwh","GridExportKwh","P2PBoughtKwh","P2PSoldKwh","CurtailedKwh","UnmetKwh","PaidMicros","GridOnlyCostMicros")
            VALUES ($h,$s,$load,$gen,0,0,0,$imp,$exp,$bought,$sold,0,0,$paid,$grid)
            """;
        string[] names = ["$h", "$s", "$load", "$gen", "$imp", "$exp", "$bought", "$sold", "$paid", "$grid"];
        foreach (string n in names)
        {
            DbParameter p = reading.CreateParameter();
            p.ParameterName = n;
            reading.Parameters.Add(p);
        }
        await using DbCommand trade = connection.CreateCommand();
        trade.Transaction = tx;
        trade.CommandText = """
            INSERT INTO "Trades" ("CommunityId","Slot","Kind","BuyerHouseholdId","EnergyMicroKwh","PriceMicrosPerKwh","AmountMicros")
            VALUES ($c,$s,'market',$h,$e,200000,$a)
            """;
        foreach (string n in (string[])["$c", "$s", "$h", "$e", "$a"])
        {
            DbParameter p = trade.CreateParameter();
            p.ParameterName = n;
            trade.Parameters.Add(p);
        }
        await reading.PrepareAsync();
        await trade.PrepareAsync();
        long count = 0;
        foreach (long h in households)
        {
            for (long s = 0; s < slots; s++)
            {
                Row r = Make(h, s, perDay);
                object[] values = [h, s, r.Load, r.Generation, r.Import, r.Export, r.Bought, r.Sold, r.Paid, r.GridOnly];
                for (int i = 0; i < values.Length; i++)
                {
                    reading.Parameters[i].Value = values[i];
                }
                await reading.ExecuteNonQueryAsync();
                count++;
                if (r.Bought > 0)
                {
                    long energy = (long)Math.Round(r.Bought * 1_000_000);
                    object[] t = [community, s, h, energy, (long)Math.Round(r.Bought * 200_000)];
                    for (int i = 0; i < t.Length; i++)
                    {
                        trade.Parameters[i].Value = t[i];
                    }
                    await trade.ExecuteNonQueryAsync();
                }
            }
        }
        await tx.CommitAsync();
        return count;
    }

    private static async Task<long> CopyAsync(NpgsqlConnection connection, long community, List<long> households, long slots, int perDay)
    {
        await connection.OpenAsync();
        long count = 0;
        await using (NpgsqlBinaryImporter readings = await connection.BeginBinaryImportAsync("""
            COPY "MeterReadings" ("HouseholdId","Slot","LoadKwh","GenerationKwh","BatteryChargeKwh","BatteryDischargeKwh","BatteryStoredKwh",
              "GridImportKwh","GridExportKwh","P2PBoughtKwh","P2PSoldKwh","CurtailedKwh","UnmetKwh","PaidMicros","GridOnlyCostMicros") FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (long h in households)
            {
                for (long s = 0; s < slots; s++)
                {
                    Row r = Make(h, s, perDay);
                    await readings.StartRowAsync();
                    await readings.WriteAsync(h, NpgsqlDbType.Bigint);
                    await readings.WriteAsync(s, NpgsqlDbType.Bigint);
                    foreach (double v in (double[])[r.Load, r.Generation, 0, 0, 0, r.Import, r.Export, r.Bought, r.Sold, 0, 0])
                    {
                        await readings.WriteAsync(v, NpgsqlDbType.Double);
                    }
                    await readings.WriteAsync(r.Paid, NpgsqlDbType.Bigint);
                    await readings.WriteAsync(r.GridOnly, NpgsqlDbType.Bigint);
                    count++;
                }
            }
            await readings.CompleteAsync();
        }
        await using (NpgsqlBinaryImporter trades = await connection.BeginBinaryImportAsync("""
            COPY "Trades" ("CommunityId","Slot","Kind","BuyerHouseholdId","EnergyMicroKwh","PriceMicrosPerKwh","AmountMicros") FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (long h in households)
            {
                for (long s = 0; s < slots; s++)
                {
                    Row r = Make(h, s, perDay);
                    if (r.Bought > 0)
                    {
                        await trades.StartRowAsync();
                        await trades.WriteAsync(community, NpgsqlDbType.Bigint);
                        await trades.WriteAsync(s, NpgsqlDbType.Bigint);
                        await trades.WriteAsync("market", NpgsqlDbType.Text);
                        await trades.WriteAsync(h, NpgsqlDbType.Bigint);
                        await trades.WriteAsync((long)Math.Round(r.Bought * 1_000_000), NpgsqlDbType.Bigint);
                        await trades.WriteAsync(200_000L, NpgsqlDbType.Bigint);
                        await trades.WriteAsync((long)Math.Round(r.Bought * 200_000), NpgsqlDbType.Bigint);
                    }
                }
            }
            await trades.CompleteAsync();
        }
        await using NpgsqlCommand analyze = new("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
        return count;
    }

    private readonly record struct Row(double Load, double Generation, double Import, double Export, double Bought, double Sold, long Paid, long GridOnly);
}
