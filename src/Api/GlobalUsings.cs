global using Claims.Client;
global using Claims.Contracts;
global using Claims.Contracts.Campaigns;
global using Claims.Contracts.Claims;
global using Claims.Contracts.Pools;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.Extensions.Options;
