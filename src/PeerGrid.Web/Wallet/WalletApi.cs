using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PeerGrid.Domain;
using PeerGrid.Persistence;
using PeerGrid.Persistence.Entities;
using PeerGrid.Persistence.Ledger;
using PeerGrid.Simulation.Scenarios.Json;
using PeerGrid.Web.Hosting;
using PeerGrid.Web.Http;

namespace PeerGrid.Web.Wallet;

/// <summary>
/// My Wallet: the balance, top-ups (money in from the payment provider) and withdrawals (money out). Both need an
/// Idempotency-Key header: a retry with the same key and body answers the first result and moves money once.
/// </summary>
internal static class WalletApi
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    public static void MapWalletApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder g = app.MapGroup("/api/me/wallet").WithTags("Wallet").RequireAuthorization(PlatformSetup.ProsumerPolicy);
        g.MapGet("", GetAsync).WithSummary("My wallet's balance and credit limit.");
        g.MapPost("/topups", (HttpRequest request, PlatformDbContext db, TimeProvider clock, CancellationToken cancel) =>
                MoveAsync(request, db, clock, Direction.TopUp, cancel))
            .Accepts<MoneyRequest>("application/json").WithSummary("Add money to my wallet (needs an Idempotency-Key header).");
        g.MapPost("/withdrawals", (HttpRequest request, PlatformDbContext db, TimeProvider clock, CancellationToken cancel) =>
                MoveAsync(request, db, clock, Direction.Withdrawal, cancel))
            .Accepts<MoneyRequest>("application/json").WithSummary("Take money out of my wallet (needs an Idempotency-Key header).");
    }

    private enum Direction
    {
        TopUp,
        Withdrawal,
    }

    private static async Task<IResult> GetAsync(HttpContext context, PlatformDbContext db, CancellationToken cancel)
    {
        long? householdId = await CurrentUser.HouseholdIdAsync(db, context.User, cancel);
        LedgerAccountRecord? wallet = householdId is null ? null
            : await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.HouseholdId == householdId, cancel);
        if (wallet is null)
        {
            return Problems.NotFound("wallet");
        }
        return Results.Ok(new WalletView(MoneyField.ToUnits(wallet.BalanceMicros), MoneyField.ToUnits(wallet.CreditLimitMicros), MoneyField.ToUnits(wallet.BalanceMicros + wallet.CreditLimitMicros)));
    }

    private static async Task<IResult> MoveAsync(HttpRequest request, PlatformDbContext db, TimeProvider clock, Direction direction, CancellationToken cancel)
    {
        string? key = request.Headers[IdempotencyHeader];
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength)
        {
            return Problems.Validation(IdempotencyHeader, string.IsNullOrWhiteSpace(key) ? "the header is missing" : $"the key has more than {MaxKeyLength} characters",
                "send a unique key per operation, e.g. a new UUID, and the same key when retrying it");
        }
        (JsonElement? body, IResult? bad) = await JsonBody.ReadAsync(request, cancel);
        if (bad is not null)
        {
            return bad;
        }
        var errors = new ValidationErrors();
        ObjectReader? r = ObjectReader.Open(body!.Value, "", errors, direction == Direction.TopUp ? "top-up" : "withdrawal");
        long? amount = r is null ? null : MoneyField.RequiredAmount(r, "amount", errors);
        string? reference = r?.String("reference", "\"card 1234\"");
        r?.Finish();
        if (reference is { Length: > 200 })
        {
            errors.Add("reference", $"has {reference.Length} characters, more than 200", "shorten the reference");
        }
        if (JsonBody.ProblemFor(errors) is { } problem)
        {
            return problem;
        }

        StoredResponse? moved = await MoveMoneyAsync(db, request.HttpContext.User, clock, direction == Direction.TopUp, amount!.Value, reference, key, cancel);
        if (moved is not { } stored)
        {
            return Problems.NotFound("wallet");
        }
        if (stored.StatusCode == IdempotentMoney.KeyReusedStatus && stored.Json.Length == 0)
        {
            return Results.Problem(title: "Idempotency key reused.", detail: "This Idempotency-Key was used for a different request: use a new key for a new operation.",
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        if (stored.Replayed)
        {
            request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
        }
        string contentType = stored.StatusCode >= 400 ? "application/problem+json" : "application/json";
        return Results.Content(stored.Json, contentType, statusCode: stored.StatusCode);
    }

    /// <summary>
    /// Moves validated money into (top-up) or out of (withdrawal) the user's wallet once per idempotency key: the API
    /// and the dashboard's My Wallet both come here. The stored answer is a receipt (201), an insufficient-funds
    /// problem (409) or, with an empty body, a key reused for another request (422); null when the user has no wallet.
    /// </summary>
    internal static async Task<StoredResponse?> MoveMoneyAsync(PlatformDbContext db, System.Security.Claims.ClaimsPrincipal user, TimeProvider clock, bool topUp,
        long amount, string? reference, string key, CancellationToken cancel)
    {
        HouseholdRecord? household = await CurrentUser.HouseholdAsync(db, user, cancel);
        if (household is null)
        {
            return null;
        }
        string operation = topUp ? "wallet.topup" : "wallet.withdrawal";
        string hash = IdempotentMoney.Hash(operation, $"{amount.ToString(CultureInfo.InvariantCulture)}|{reference}");
        string userId = CurrentUser.Id(user);
        DateTimeOffset now = clock.GetUtcNow();
        return await IdempotentMoney.RunAsync(db, userId, key, operation, hash, now, async ct =>
        {
            long wallet = await db.Accounts.Where(a => a.HouseholdId == household.Id).Select(a => a.Id).SingleAsync(ct);
            long payments = await LedgerWriter.SystemAccountIdAsync(db, household.CommunityId, AccountKinds.Payments, ct);
            (long from, long to) = topUp ? (payments, wallet) : (wallet, payments);
            string kind = topUp ? "topup" : "withdrawal";
            // Stamped on the simulated clock too, so the ledger history reads in one order with the clock's transfers.
            long slot = await SlotClock.NextUnsettledAsync(db, household.CommunityId, ct);
            long? transferId = await LedgerWriter.TryTransferAsync(db, household.CommunityId, from, to, amount, kind, reference, now, slot, ct);
            if (transferId is null)
            {
                var refused = new ProblemBody("Insufficient funds.", "The withdrawal would take the wallet below its credit limit: nothing was moved.", StatusCodes.Status409Conflict);
                return (StatusCodes.Status409Conflict, JsonSerializer.Serialize(refused, JsonWeb));
            }
            long balance = await db.Accounts.Where(a => a.Id == wallet).Select(a => a.BalanceMicros).SingleAsync(ct);
            var receipt = new MoneyReceipt(transferId.Value, kind, MoneyField.ToUnits(amount), MoneyField.ToUnits(balance), reference);
            return (StatusCodes.Status201Created, JsonSerializer.Serialize(receipt, JsonWeb));
        }, cancel);
    }

    internal static readonly JsonSerializerOptions JsonWeb = new(JsonSerializerDefaults.Web);
}

internal sealed record MoneyRequest(decimal Amount, string? Reference);

internal sealed record WalletView(decimal Balance, decimal CreditLimit, decimal Spendable);

internal sealed record MoneyReceipt(long TransferId, string Kind, decimal Amount, decimal Balance, string? Reference);

internal sealed record ProblemBody(string Title, string Detail, int Status);
