using System.Text;
using System.Text.Json;
using PeerGrid.Benchmarks.Platform;

namespace PeerGrid.Web.Tests.Dashboard;

/// <summary>
/// The dashboard benchmark's headless circuit reads the prerendered page and the render batches by hand (the bench
/// compiles the two small readers; this project links them, see the .csproj). The page sample is GET /dashboard as
/// served by this app on .NET 10 (Dashboard/Samples/dashboard-prerendered.html).
/// </summary>
public sealed class HeadlessCircuitParsingTests
{
    private static string Sample() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Dashboard", "Samples", "dashboard-prerendered.html"));

    [Fact]
    public void Parse_TheDashboardPage_FindsItsOneServerComponentAndSkipsTheEndComment()
    {
        PrerenderedPage page = PrerenderedPage.Parse(Sample());

        string marker = Assert.Single(page.ServerMarkers);
        using JsonDocument json = JsonDocument.Parse(marker);
        Assert.Equal("server", json.RootElement.GetProperty("type").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("sequence").GetInt32());
        Assert.StartsWith("CfDJ8", json.RootElement.GetProperty("descriptor").GetString(), StringComparison.Ordinal);
        Assert.Equal("4b473e9d2504417a998379a6a1b6298f", json.RootElement.GetProperty("prerenderId").GetString());
    }

    [Fact]
    public void Parse_TheDashboardPage_ReadsThePersistedStateComment()
    {
        PrerenderedPage page = PrerenderedPage.Parse(Sample());

        Assert.StartsWith("CfDJ8AC53XR8C0BImJdQsIhftmL4KbO0", page.ServerState, StringComparison.Ordinal);
        Assert.EndsWith("LoYiQ==", page.ServerState, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_APageWithoutInteractiveComponents_FindsNothing()
    {
        PrerenderedPage page = PrerenderedPage.Parse("<html><body><!-- a comment --><p>static</p></body></html>");

        Assert.Empty(page.ServerMarkers);
        Assert.Equal("", page.ServerState);
    }

    [Fact]
    public void AddOperations_AddsEachServerMarkerNumberedFromOneInBatchOne()
    {
        var page = new PrerenderedPage(["""{"type":"server","sequence":0,"descriptor":"a"}""", """{"type":"server","sequence":1,"descriptor":"b"}"""], "");

        using JsonDocument json = JsonDocument.Parse(page.AddOperations());

        Assert.Equal(1, json.RootElement.GetProperty("batchId").GetInt32());
        JsonElement[] operations = [.. json.RootElement.GetProperty("operations").EnumerateArray()];
        Assert.Equal(2, operations.Length);
        Assert.Equal("add", operations[1].GetProperty("type").GetString());
        Assert.Equal(2, operations[1].GetProperty("ssrComponentId").GetInt32());
        Assert.Equal("b", operations[1].GetProperty("marker").GetProperty("descriptor").GetString());
    }

    [Fact]
    public void SlotLabels_FindsTheLastSettledSlotLabelAmongTheBatchStrings()
    {
        byte[] batch = StringTable("Slots", "Slot 35042 \u00b7 Fri 26 Nov 00:30\u201300:45 (Europe/Berlin)", "Slot 7 of", "Slot ");

        Assert.Equal([35042L], RenderBatchText.SlotLabels(batch));
    }

    [Fact]
    public void SlotLabels_InABatchWithoutTheLabel_FindsNone() =>
        Assert.Empty(RenderBatchText.SlotLabels(StringTable("Wallet balance", "12.00")));

    /// <summary>Strings as a render batch's string table holds them: each a length (one LEB128 byte here) and UTF-8.</summary>
    private static byte[] StringTable(params string[] strings) =>
        [.. strings.SelectMany(s => Encoding.UTF8.GetBytes(s).Prepend((byte)Encoding.UTF8.GetByteCount(s)))];
}
