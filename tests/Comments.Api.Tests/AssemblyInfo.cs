using Comments.Api.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(GarnetService))]
[assembly: AssemblyFixture(typeof(RedisService))]
