global using BenchmarkDotNet.Attributes;
global using Claims.Client;
global using Claims.Contracts.Campaigns;
global using Claims.Contracts.Claims;
global using Orleans;
