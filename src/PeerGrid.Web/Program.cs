using PeerGrid.Web.Auth;
using PeerGrid.Web.Components;
using PeerGrid.Web.Contracts;
using PeerGrid.Web.Devices;
using PeerGrid.Web.Hosting;
using PeerGrid.Web.Lab;
using PeerGrid.Web.Market;
using PeerGrid.Web.Operator;
using PeerGrid.Web.Readings;
using PeerGrid.Web.MyHousehold;
using PeerGrid.Web.Orders;
using PeerGrid.Web.Traders;
using PeerGrid.Web.Transactions;
using PeerGrid.Web.Wallet;

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.AddPlatformServices();

WebApplication app = builder.Build();
await app.PrepareDatabaseAsync();
app.UsePlatformPipeline();

app.MapOpenApi();
app.MapAuthApi();
app.MapWalletApi();
app.MapReadingsApi();
app.MapMarketApi();
app.MapClockApi();
app.MapSettingsApi();
app.MapDevicesApi();
app.MapHouseholdApi();
app.MapTradersApi();
app.MapContractsApi();
app.MapOrdersApi();
app.MapTransactionsApi();
app.MapLabApi();

app.MapStaticAssets();
app.MapAccountEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>The entry point; public so WebApplicationFactory tests can start the host.</summary>
public partial class Program;
