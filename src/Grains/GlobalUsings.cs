global using Claims.Contracts;
global using Claims.Contracts.Campaigns;
global using Claims.Contracts.Claims;
global using Claims.Contracts.Pools;
global using Microsoft.Extensions.Logging;
global using Orleans;
global using Orleans.Concurrency;
global using Orleans.Runtime;
