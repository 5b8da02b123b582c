// The official SignalR JavaScript client, as the widget uses it: connect over WebSockets, follow
// one thread, print the first comment published to it, then exit 0 (or 1 on error or timeout).
// Usage: node live-client.mjs <service base url> <site> <thread>
// Prints "joined" once following the thread, then "commentPublished <json>" (the thread's count inside).
import * as signalR from "@microsoft/signalr";

const [baseUrl, site, thread] = process.argv.slice(2);
if (!baseUrl || !site || !thread) {
  console.error("usage: node live-client.mjs <base url> <site> <thread>");
  process.exit(2);
}

const timeout = setTimeout(() => fail(new Error("no comment within 15 s")), 15_000);

const connection = new signalR.HubConnectionBuilder()
  .withUrl(new URL("/hubs/comments", baseUrl).toString(), { transport: signalR.HttpTransportType.WebSockets })
  .configureLogging(signalR.LogLevel.Warning)
  .build();

connection.on("commentPublished", async (comment) => {
  console.log(`commentPublished ${JSON.stringify(comment)}`);
  clearTimeout(timeout);
  await connection.stop();
  process.exit(0);
});

function fail(error) {
  console.error(`failed: ${error?.message ?? error}`);
  process.exit(1);
}

try {
  await connection.start();
  if (connection.connection?.transport?.constructor?.name !== "WebSocketTransport") {
    throw new Error(`expected the WebSockets transport`);
  }
  await connection.invoke("JoinThread", site, thread);
  console.log("joined");
} catch (error) {
  fail(error);
}
