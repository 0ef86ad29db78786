using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerGrid.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GridOnlyCost : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "GridBuyMicrosPerKwh",
                table: "SettledSlots",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "GridSellMicrosPerKwh",
                table: "SettledSlots",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "GridOnlyCostMicros",
                table: "MeterReadings",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "GridBuyMicrosPerKwh",
                table: "SettledSlots");

            migrationBuilder.DropColumn(
                name: "GridSellMicrosPerKwh",
                table: "SettledSlots");

            migrationBuilder.DropColumn(
                name: "GridOnlyCostMicros",
                table: "MeterReadings");
        }
    }
}
