using System.Security.Claims;
using Claims.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using StackExchange.Redis;

namespace Claims.Yardstick;

/// <summary>
/// The yardstick Claims is measured against: the same claim endpoint and JWT auth in front of
/// <see cref="SeckillScript"/>, and <c>POST /bare</c>, Kestrel answering 200 with no work at all.
/// Configuration: <c>Redis</c> (a StackExchange.Redis connection string) and <c>Auth:SigningKey</c>.
/// </summary>
public static class YardstickProgram
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddClaimsAuth();
        var redis = builder.Configuration["Redis"] ?? throw new InvalidOperationException("Set Redis to the connection string of the Redis to use.");
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
        builder.Services.AddSingleton<SeckillScript>();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPost("/bare", () => TypedResults.Ok());
        app.MapPost("/campaigns/{campaignId}/claims", ClaimAsync).RequireAuthorization(Roles.Resident);
        app.MapPut("/campaigns/{campaignId}/stock/{couponTypeId}", SetStockAsync).RequireAuthorization(Roles.Operator);
        app.Run();
    }

    private static async Task<Results<Created<YardstickCoupon>, ProblemHttpResult>> ClaimAsync(string campaignId, YardstickClaim body, ClaimsPrincipal user, SeckillScript seckill)
    {
        if (string.IsNullOrEmpty(body.CouponTypeId) || string.IsNullOrEmpty(body.RegionCode))
        {
            return Problem(StatusCodes.Status400BadRequest, "invalid_request", "couponTypeId and regionCode are required.");
        }

        var userId = user.FindFirstValue("sub")!;
        return await seckill.ClaimAsync(campaignId, body.CouponTypeId, userId) switch
        {
            SeckillScript.AlreadyWon => Problem(StatusCodes.Status409Conflict, "limit_reached", "This resident already won a coupon of this type."),
            SeckillScript.SoldOut => Problem(StatusCodes.Status409Conflict, "sold_out", "No coupon of this type is left."),
            var left => TypedResults.Created(
                $"/me/coupons/{campaignId}.{body.CouponTypeId}.{left}",
                new YardstickCoupon($"{campaignId}.{body.CouponTypeId}.{left}", body.CouponTypeId, userId)),
        };
    }

    private static async Task<NoContent> SetStockAsync(string campaignId, string couponTypeId, long stock, SeckillScript seckill)
    {
        await seckill.SetStockAsync(campaignId, couponTypeId, stock);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Problem(int status, string code, string detail) =>
        TypedResults.Problem(detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });
}
