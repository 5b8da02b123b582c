#!/usr/bin/env python3
"""Mail outbox benchmark: the built service on a store, a real smtp4dev (from the repository's tool
manifest), one confirmed subscriber whose comment gets replies from other readers.

  delay:      replies posted one at a time (--delay-replies, --gap seconds apart); for each, the time
              from the 201 to smtp4dev's receivedDate of its reply mail: p50 / p99 / max.
  throughput: a burst of --burst replies posted by --writers concurrent writers; mails/s from the
              first to the last reply mail received.

  bench/mail/outbox-bench.py [--redis 127.0.0.1:6410] [--port 7060] [--smtp-port 7025] [--web-port 7080]
Uses the built service: COMMENTS_API_DLL, else src/Comments.Api/bin/Release/net10.0, else Debug.
"""
import argparse, concurrent.futures, datetime, json, os, re, shutil, signal, subprocess, sys, tempfile, time, urllib.request, uuid

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SITE = "bench"

def dll():
    if os.environ.get("COMMENTS_API_DLL"): return os.environ["COMMENTS_API_DLL"]
    for c in ("Release", "Debug"):
        p = os.path.join(ROOT, "src/Comments.Api/bin", c, "net10.0/Comments.Api.dll")
        if os.path.exists(p): return p
    sys.exit("build the service first (dotnet build -c Release src/Comments.Api)")

def http(method, url, body=None, ctype="application/json"):
    data = json.dumps(body).encode() if isinstance(body, dict) else body
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": ctype} if data else {})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, r.read().decode()

def wait_for(url, proc, what):
    while True:
        if proc.poll() is not None: sys.exit(f"{what} exited with {proc.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2).read(); return
        except Exception: time.sleep(0.1)

def messages(web):
    _, body = http("GET", f"{web}/api/messages?pageSize=100000")
    return json.loads(body)["results"]

def received(m):
    s = re.sub(r"(\.\d{6})\d*", r"\1", m["receivedDate"]).replace("Z", "+00:00")
    return datetime.datetime.fromisoformat(s).timestamp()

def pct(values, p):
    v = sorted(values); return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]

def main():
    a = argparse.ArgumentParser()
    a.add_argument("--redis"); a.add_argument("--port", type=int, default=7060)
    a.add_argument("--smtp-port", type=int, default=7025); a.add_argument("--web-port", type=int, default=7080)
    a.add_argument("--delay-replies", type=int, default=100); a.add_argument("--gap", type=float, default=0.1)
    a.add_argument("--burst", type=int, default=1000); a.add_argument("--writers", type=int, default=8)
    o = a.parse_args()
    work = tempfile.mkdtemp(prefix="comments-mailbench-")
    procs = []
    try:
        subprocess.run(["dotnet", "tool", "restore"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        smtp = subprocess.Popen(["dotnet", "tool", "run", "smtp4dev", "--", f"--smtpport={o.smtp_port}", f"--imapport={o.smtp_port + 1}",
            f"--pop3port={o.smtp_port + 2}", f"--urls=http://127.0.0.1:{o.web_port}", "--db=", f"--baseappdatapath={work}/smtp",
            "--nousersettings", "--bindaddress=127.0.0.1", "--disableipv6", "--messagestokeep=1000000"],
            cwd=ROOT, stdout=open(f"{work}/smtp.log", "w"), stderr=subprocess.STDOUT)
        procs.append(smtp)
        base, web = f"http://127.0.0.1:{o.port}", f"http://127.0.0.1:{o.web_port}"
        env = dict(os.environ, ASPNETCORE_URLS=base, ASPNETCORE_ENVIRONMENT="Production", Storage__DataDir=f"{work}/data",
            ConnectionStrings__Redis=o.redis or "", RateLimits__PostsPerMinute="10000000", Limits__MaxConnectionsPerAddress="100000",
            Mail__Host="127.0.0.1", Mail__Port=str(o.smtp_port), Mail__Security="None", Mail__From="Bench <bench@example.com>",
            Mail__PublicUrl=base, Mail__ThreadBatchMinutes="1440",
            **{f"Sites__{SITE}__FloodIntervalSeconds": "0", f"Sites__{SITE}__HoldAtLinks": "0",
               **{f"Sites__{SITE}__Thresholds__{t}": "1.01" for t in ("Spam", "SpamHold", "Toxicity", "ToxicityHold")}})
        api = subprocess.Popen(["dotnet", dll()], env=env, stdout=open(f"{work}/api.log", "w"), stderr=subprocess.STDOUT)
        procs.append(api)
        wait_for(f"{web}/api/messages", smtp, "smtp4dev")
        wait_for(f"{base}/health/ready", api, "the service")

        thread = f"mailbench-{uuid.uuid4().hex[:8]}"
        sub = f"sub-{uuid.uuid4().hex[:8]}@example.com"
        _, body = http("POST", f"{base}/api/sites/{SITE}/threads/{thread}/comments",
                       {"text": "Tell me when someone answers.", "authorName": "Sub", "authorEmail": sub, "notify": True})
        parent = json.loads(body)["id"]
        while not (confirm := [m for m in messages(web) if sub in m["to"]]): time.sleep(0.05)
        _, raw = http("GET", f"{web}/api/messages/{confirm[0]['id']}/raw")
        link = re.search(r"https?://\S+/subscriptions/confirm\?token=[A-Za-z0-9_.%\-]+", raw.replace("=\r\n", "").replace("=\n", "").replace("=3D", "="))
        http("POST", link.group(0))

        def reply(i, tag):
            _, b = http("POST", f"{base}/api/sites/{SITE}/threads/{thread}/comments",
                        {"text": f"{tag} reply number {i} {uuid.uuid4().hex}", "authorName": f"{tag}{i}",
                         "authorEmail": f"w{i}-{tag}@example.com", "parentId": parent})
            return time.time()

        def replies_to(sub, prefix):
            return {m["subject"].split(" replied")[0]: m for m in messages(web) if sub in m["to"] and m["subject"].startswith(prefix)}

        # Delay: one reply at a time.
        posted = {}
        for i in range(o.delay_replies):
            posted[f"D{i}"] = reply(i, "D"); time.sleep(o.gap)
        deadline = time.time() + 120
        while len(got := replies_to(sub, "D")) < o.delay_replies and time.time() < deadline: time.sleep(0.2)
        delays = [received(got[k]) - posted[k] for k in posted if k in got]
        print(f"delay: {len(delays)}/{o.delay_replies} mails; publish->received p50 {pct(delays, 50)*1000:.0f} ms, "
              f"p99 {pct(delays, 99)*1000:.0f} ms, max {max(delays)*1000:.0f} ms (replies {o.gap}s apart)")

        # Throughput: a burst.
        start = time.time()
        with concurrent.futures.ThreadPoolExecutor(o.writers) as pool: list(pool.map(lambda i: reply(i, "B"), range(o.burst)))
        post_s = time.time() - start
        deadline = time.time() + 600
        while len(got := replies_to(sub, "B")) < o.burst and time.time() < deadline: time.sleep(0.5)
        times = sorted(received(m) for m in got.values())
        span = times[-1] - times[0]
        print(f"throughput: {len(got)}/{o.burst} mails; posts took {post_s:.1f} s ({o.burst/post_s:.0f}/s); "
              f"mails from first to last {span:.1f} s = {len(got)/span:.0f} mails/s; last mail {times[-1]-start:.1f} s after the burst began")
        ids = [m["id"] for m in messages(web) if sub in m["to"]]
        print(f"mails to the subscriber: {len(ids)} (1 confirmation + {o.delay_replies} + {o.burst} expected)")
    finally:
        for p in procs:
            try: p.send_signal(signal.SIGTERM); p.wait(20)
            except Exception: p.kill()
        shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
