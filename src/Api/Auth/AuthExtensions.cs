using Claims.Api.Problems;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Claims.Api.Auth;

public static class AuthExtensions
{
    public static IHostApplicationBuilder AddClaimsAuth(this IHostApplicationBuilder builder)
    {
        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Services.AddCheckedOptions<ClaimsAuthOptions>(ClaimsAuthOptions.Section)
            .PostConfigure(o => o.SigningKey ??= isDevelopment ? ClaimsAuthOptions.DevelopmentSigningKey : null);

        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<ClaimsAuthOptions>, TokenIssuer, TimeProvider>((jwt, auth, issuer, time) =>
            {
                jwt.MapInboundClaims = false;
                if (auth.Value.Authority is { Length: > 0 } authority)
                {
                    // The handler then also accepts the provider's issuer and its published keys.
                    jwt.Authority = authority;
                    jwt.RequireHttpsMetadata = auth.Value.RequireHttpsMetadata;
                }

                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Audience,
                    IssuerSigningKeys = [issuer.Key, .. auth.Value.PublishedKeys()],
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                    LifetimeValidator = TokenLifetime.On(time),
                };
                jwt.Events = new JwtBearerEvents
                {
                    // A browser cannot send a bearer header when an operator opens a page: the
                    // token they signed in with rides in an HttpOnly cookie instead.
                    OnMessageReceived = context =>
                    {
                        if (!context.Request.Headers.Authorization.Any() && OperatorLoginApi.CookieMaySignIn(context.Request)
                            && context.Request.Cookies.TryGetValue(OperatorLoginApi.CookieName, out var token))
                        {
                            context.Token = token;
                        }

                        return Task.CompletedTask;
                    },
                    // Tell the client why, in the problem's code, instead of a bare 401.
                    OnChallenge = context =>
                    {
                        // A person opening the dashboard or an operator's page is sent to sign in; a
                        // program gets the problem.
                        if ((context.Request.Path.StartsWithSegments("/dashboard") || context.Request.Path.StartsWithSegments("/operator"))
                            && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
                        {
                            context.HandleResponse();
                            context.Response.Redirect(OperatorLoginApi.LoginPath(context.Request));
                            return Task.CompletedTask;
                        }

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
