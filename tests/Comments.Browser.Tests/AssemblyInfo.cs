using Comments.Browser.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(BrowserFixture))]
