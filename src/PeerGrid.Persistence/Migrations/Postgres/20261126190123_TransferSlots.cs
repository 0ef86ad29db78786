using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerGrid.Persistence.Migrations.Postgres
{
    /// <summary>
    /// Top-ups and withdrawals now carry the slot that was next to settle when they were made (their time on the
    /// simulated clock). Older ones get it here: one past the largest slot of the community's clock transfers written
    /// before them, or 0. Clock transfers only, so rows this statement fills in never feed each other. The schema does
    /// not change (the column exists); going down leaves the slots in place (older code reads them like any other transfer's).
    /// </summary>
    public partial class TransferSlots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "LedgerTransfers" SET "Slot" = COALESCE((
                    SELECT MAX(e."Slot") + 1 FROM "LedgerTransfers" AS e
                    WHERE e."CommunityId" = "LedgerTransfers"."CommunityId" AND e."Id" < "LedgerTransfers"."Id"
                      AND e."Kind" NOT IN ('topup', 'withdrawal')), 0)
                WHERE "Slot" IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
