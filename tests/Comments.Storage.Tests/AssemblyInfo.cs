using Comments.Storage.Tests;

[assembly: AssemblyFixture(typeof(GarnetStore))]
[assembly: AssemblyFixture(typeof(RedisStore))]
