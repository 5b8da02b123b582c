namespace Comments.Api.Infrastructure;

/// <summary>
/// Where the service listens when nothing says so: <c>http://localhost:5080</c>, the README's
/// address. A default in code, not in the launch profile, so <c>ASPNETCORE_URLS</c>, <c>--urls</c>,
/// <c>ASPNETCORE_HTTP_PORTS</c> or <c>Kestrel:Endpoints</c> always win (a profile's
/// <c>applicationUrl</c> would override the environment under <c>dotnet run</c>).
/// </summary>
public static class DefaultUrls
{
    public const string Address = "http://localhost:5080";

    public static WebApplicationBuilder UseDefaultUrls(this WebApplicationBuilder builder)
    {
        var c = builder.Configuration;
        var configured = !string.IsNullOrWhiteSpace(c["urls"]) || !string.IsNullOrWhiteSpace(c["http_ports"])
            || !string.IsNullOrWhiteSpace(c["https_ports"]) || c.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!configured) builder.WebHost.UseUrls(Address);
        return builder;
    }
}
