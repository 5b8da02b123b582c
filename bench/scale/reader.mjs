// A reader of one thread through the balancer, as the widget behaves: the live stream over WebSockets
// (no negotiate round trip, so any node may take it), and after a lost connection a new one (through
// the balancer, so to a live node) followed by a catch-up with GET …/comments?after=<last cursor>.
// Prints one line per comment it learns of: "live <id> <cursor>" or "caught <id> <cursor>", and
// "reconnected <ms>" after each reconnect. Runs until SIGTERM.
// Usage: node reader.mjs <balancer url> <site> <thread>
// The client installed for the tests (npm ci --prefix tests/js), loaded from there.
import { createRequire } from "node:module";
const signalR = createRequire(new URL("../../tests/js/package.json", import.meta.url))("@microsoft/signalr");

const [baseUrl, site, thread] = process.argv.slice(2);
let last = 0n;
let catchingUp = Promise.resolve();

function learn(kind, comment) {
  const cursor = BigInt(comment.cursor);
  console.log(`${kind} ${comment.id} ${comment.cursor}`);
  if (cursor > last) last = cursor;
}

async function catchUp() {
  let after = last.toString();
  for (;;) {
    const response = await fetch(new URL(`/api/sites/${site}/threads/${thread}/comments?after=${after}&limit=200`, baseUrl));
    if (!response.ok) throw new Error(`catch-up answered ${response.status}`);
    const page = await response.json();
    for (const comment of page.comments) learn("caught", comment);
    if (!page.nextCursor) return;
    after = page.nextCursor;
  }
}

async function connect() {
  const started = Date.now();
  for (;;) {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(new URL("/hubs/comments", baseUrl).toString(), { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
      .configureLogging(signalR.LogLevel.None)
      .build();
    // Live messages wait for a running catch-up; one it already brought (cursor not newer) is skipped.
    connection.on("commentPublished", (comment) => catchingUp.then(() => {
      if (BigInt(comment.cursor) > last) learn("live", comment); else console.log(`skip ${comment.id}`);
    }));
    connection.onclose(() => { connect(); });
    try {
      await connection.start();
      await connection.invoke("JoinThread", site, thread);
      if (last > 0n) {
        catchingUp = catchUp();
        await catchingUp;
        console.log(`reconnected ${Date.now() - started}`);
      } else console.log("joined");
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

await connect();
process.on("SIGTERM", () => process.exit(0));
