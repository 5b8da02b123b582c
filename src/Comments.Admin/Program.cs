using Comments.Admin;

// comments-admin: operator commands that work on the store directly (Redis, or the service's
// embedded Garnet when it listens on a fixed Storage:EmbeddedPort).
return await AdminCommands.RunAsync(args, Console.Out, Console.Error);
