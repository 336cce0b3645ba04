using Claims.Api.Problems;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Claims.Api.Auth;

public static class AuthExtensions
{
    public static IHostApplicationBuilder AddClaimsAuth(this IHostApplicationBuilder builder)
    {
        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<ClaimsAuthOptions>()
            .BindConfiguration(ClaimsAuthOptions.Section)
            .PostConfigure(o => o.SigningKey ??= isDevelopment ? ClaimsAuthOptions.DevelopmentSigningKey : null)
            .Validate(o => o.SigningKey is { Length: >= 32 }, "Auth:SigningKey must be set, at least 32 characters (there is no default outside Development).")
            .ValidateOnStart();

        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<ClaimsAuthOptions>>((jwt, auth) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Audience,
                    IssuerSigningKey = TokenIssuer.SigningKey(auth.Value),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                jwt.Events = new JwtBearerEvents
                {
                    // Tell the client why, in the problem's code, instead of a bare 401.
                    OnChallenge = context =>
                    {
                        context.HttpContext.Items[ProblemCodes.ItemKey] = context.AuthenticateFailure switch
                        {
                            SecurityTokenExpiredException => ProblemCodes.TokenExpired,
                            null => ProblemCodes.Unauthenticated,
                            _ => ProblemCodes.InvalidToken,
                        };
                        return Task.CompletedTask;
                    },
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Resident, p => p.RequireRole(Roles.Resident))
            .AddPolicy(Roles.Merchant, p => p.RequireRole(Roles.Merchant))
            .AddPolicy(Roles.Operator, p => p.RequireRole(Roles.Operator));
        return builder;
    }
}
