using System.Text.Json;
using System.Text.Json.Serialization;

namespace Claims.Api.Claims;

/// <summary>The claim endpoint's JSON, generated at build time: the body read and the coupon written on every claim of a rush.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ClaimBody))]
[JsonSerializable(typeof(CouponView))]
[JsonSerializable(typeof(CouponView[]))]
internal sealed partial class ClaimsJsonContext : JsonSerializerContext;
