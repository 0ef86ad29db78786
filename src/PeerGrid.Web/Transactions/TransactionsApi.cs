using System.Globalization;
using System.Text;
using PeerGrid.Domain;
using PeerGrid.Persistence;
using PeerGrid.Web.Hosting;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Transactions;

/// <summary>
/// My money and energy: the ledger transfers touching my wallet and the trades I bought or sold in, newest first.
/// Amounts are signed from my point of view (+ received, − paid), in currency units; energy in kWh. Both lists are
/// filtered alike (kinds, side, slot range; TransactionsQuery) and paged alike (page, pageSize), each with its own total. The CSV download holds
/// every matching row of both lists (no paging, at most <see cref="MaxCsvRows"/> of each), invariant culture.
/// </summary>
internal static class TransactionsApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public const int MaxCsvRows = 100_000;
    public const int MaxKindLength = 32;

    private static readonly string[] Formats = ["json", "csv"];

    public static void MapTransactionsApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder g = app.MapGroup("/api/me").WithTags("Transactions").RequireAuthorization(PlatformSetup.ProsumerPolicy);
        g.MapGet("/transactions", (HttpContext c, PlatformDbContext db, string? kind, string? side, string? only, string? fromSlot, string? toSlot, string? page, string? pageSize, string? format, CancellationToken ct) =>
                GetAsync(c, db, new RawQuery(kind, side, only, fromSlot, toSlot, page, pageSize, format), csvRoute: false, ct))
            .Produces<TransactionsPage>().Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem()
            .WithSummary("My ledger transfers and trades (?kind=a,b, ?side=buy|sell, ?only=transfers|trades, ?fromSlot, ?toSlot, ?page, ?pageSize, ?format=json|csv).");
        g.MapGet("/transactions.csv", (HttpContext c, PlatformDbContext db, string? kind, string? side, string? only, string? fromSlot, string? toSlot, CancellationToken ct) =>
                GetAsync(c, db, new RawQuery(kind, side, only, fromSlot, toSlot, null, null, "csv"), csvRoute: true, ct))
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem()
            .WithSummary("My ledger transfers and trades as a CSV download (?kind=a,b, ?side, ?only, ?fromSlot, ?toSlot).");
    }

    /// <summary>The CSV download of the rows <paramref name="f"/> selects (paging aside), for the dashboard's links.</summary>
    public static string CsvUrl(TransactionFilter f)
    {
        var q = new List<string>();
        if (f.Kinds.Count > 0)
        {
            q.Add("kind=" + Uri.EscapeDataString(string.Join(',', f.Kinds)));
        }
        if (f.Side is { } side)
        {
            q.Add("side=" + side);
        }
        if (f.Only is { } only)
        {
            q.Add("only=" + only);
        }
        if (f.FromSlot is { } from)
        {
            q.Add("fromSlot=" + from.ToString(CultureInfo.InvariantCulture));
        }
        if (f.ToSlot is { } to)
        {
            q.Add("toSlot=" + to.ToString(CultureInfo.InvariantCulture));
        }
        return "/api/me/transactions.csv" + (q.Count > 0 ? "?" + string.Join('&', q) : "");
    }

    private sealed record RawQuery(string? Kind, string? Side, string? Only, string? FromSlot, string? ToSlot, string? Page, string? PageSize, string? Format);

    private static async Task<IResult> GetAsync(HttpContext context, PlatformDbContext db, RawQuery raw, bool csvRoute, CancellationToken cancel)
    {
        var errors = new ValidationErrors();
        string[] kinds = raw.Kind is { } k ? k.Split(',') : [];
        foreach (string one in kinds)
        {
            if (one.Length == 0 || one.Length > MaxKindLength || !one.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                errors.Add("kind", $"'{one}' is not a kind", "give a kind such as topup, withdrawal, contract or market (letters, digits and '-', at most 32), or several separated by commas");
            }
        }
        QueryParameters.OneOf("side", raw.Side, TransactionsQuery.Sides, errors);
        QueryParameters.OneOf("only", raw.Only, TransactionsQuery.Lists, errors);
        long? from = QueryParameters.Long("fromSlot", raw.FromSlot, 0, long.MaxValue, null, errors);
        long? to = QueryParameters.Long("toSlot", raw.ToSlot, 0, long.MaxValue, null, errors);
        long? page = QueryParameters.Long("page", raw.Page, 1, 1_000_000, 1, errors);
        long? size = QueryParameters.Long("pageSize", raw.PageSize, 1, MaxPageSize, DefaultPageSize, errors);
        QueryParameters.OneOf("format", raw.Format, Formats, errors);
        if (from is { } f && to is { } t && t < f)
        {
            errors.Add("toSlot", $"toSlot {t} is before fromSlot {f}", "give toSlot ≥ fromSlot");
        }
        if (JsonBody.ProblemFor(errors) is { } problem)
        {
            return problem;
        }
        bool csv = csvRoute || raw.Format == "csv";
        var filter = new TransactionFilter(kinds, raw.Side, from, to, raw.Only, csv ? 1 : page!.Value, csv ? 0 : size!.Value);
        TransactionsPage? result = await TransactionsQuery.LoadAsync(db, context.User, filter, cancel);
        if (result is null)
        {
            return Problems.NotFound("household");
        }
        if (csv)
        {
            string text = Csv(result.Transfers.Items, result.Trades.Items);
            context.Response.Headers.ContentDisposition = "attachment; filename=\"transactions.csv\"";
            return Results.Text(text, "text/csv; charset=utf-8", Encoding.UTF8);
        }
        return Results.Ok(result);
    }

    private static string Csv(IEnumerable<TransferView> transfers, IEnumerable<TradeView> trades)
    {
        var sb = new StringBuilder();
        sb.Append("record,id,slot,kind,side,amount,energyKwh,pricePerKwh,counterparty,counterpartyHouseholdId,reference,createdUtc,counterpartyName,localTime\r\n");
        foreach (TransferView t in transfers)
        {
            Row(sb, "transfer", Id(t.Id), Id(t.Slot), Text(t.Kind), t.Amount >= 0 ? "in" : "out", Num(t.Amount), "", "",
                Text(t.CounterpartyAccountKind), Id(t.CounterpartyHouseholdId), Text(t.Reference), t.CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                Text(t.CounterpartyName), Local(t.LocalTime));
        }
        foreach (TradeView t in trades)
        {
            Row(sb, "trade", Id(t.Id), Id(t.Slot), Text(t.Kind), t.Side, Num(t.Amount), Num(t.EnergyKwh), Num(t.PricePerKwh),
                t.Counterparty, Id(t.CounterpartyHouseholdId), "", "", Text(t.CounterpartyName), Local(t.LocalTime));
        }
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, params string[] cells) => sb.AppendJoin(',', cells).Append("\r\n");

    private static string Id(long? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>The community's wall-clock time, without an offset (the JSON's timeZone names the zone).</summary>
    private static string Local(DateTime? v) => v?.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) ?? "";

    private static string Num(decimal v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 quoting; a leading = + - @ is neutralised so spreadsheets do not run user text as a formula.</summary>
    private static string Text(string? s)
    {
        if (string.IsNullOrEmpty(s))
        {
            return "";
        }
        if (s[0] is '=' or '+' or '-' or '@')
        {
            s = "'" + s;
        }
        return s.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }
}

/// <summary>One page of both lists; each list has its own total count. <see cref="TimeZone"/>: the zone of the entries' local times.</summary>
internal sealed record TransactionsPage(long Page, long PageSize, ItemsPage<TransferView> Transfers, ItemsPage<TradeView> Trades, string TimeZone);

internal sealed record ItemsPage<T>(int Total, IReadOnlyList<T> Items);

/// <summary>
/// A ledger transfer touching my wallet: amount signed (+ into my wallet, − out of it), in currency units.
/// <see cref="Slot"/>: the slot it settles, or for a top-up or withdrawal the slot that was next to settle when it was
/// made; <see cref="LocalTime"/> that slot's start on the community's wall clock; <see cref="CreatedUtc"/> the real
/// time it was written. <see cref="CounterpartyName"/>: the other household's public name, or the system account's role
/// ("utility", "grid operator", "platform", "payment provider").
/// </summary>
internal sealed record TransferView(long Id, string Kind, decimal Amount, string CounterpartyAccountKind, long? CounterpartyHouseholdId, long? Slot, string? Reference, DateTimeOffset CreatedUtc,
    string CounterpartyName, DateTime? LocalTime);

/// <summary>
/// A trade I was part of: side "buy" or "sell", counterparty "household" (its id) or "market", amount signed.
/// <see cref="CounterpartyName"/>: the other household's public name, or "market pool"; <see cref="LocalTime"/>: the
/// slot's start on the community's wall clock.
/// </summary>
internal sealed record TradeView(long Id, long Slot, string Kind, string Side, string Counterparty, long? CounterpartyHouseholdId, double EnergyKwh, decimal PricePerKwh, decimal Amount, long? ContractId,
    string CounterpartyName, DateTime LocalTime);
