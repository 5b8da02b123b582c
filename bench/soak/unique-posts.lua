-- wrk script: every request is a new comment (unique text) on one of 100 threads of the site "open".
-- wrk -t4 -c32 -d60s -s bench/soak/unique-posts.lua http://127.0.0.1:PORT
-- With SOAK_ACKS=/some/prefix, the id of every 201 is appended to /some/prefix.<thread>.
dofile("bench/wrk/common.lua")

function init(args)
  start_thread()
  run = tostring(math.random(1, 1000000000))
  local prefix = os.getenv("SOAK_ACKS")
  acks = prefix and io.open(prefix .. "." .. run .. "." .. wid, "a") or nil
  -- SOAK_PAD=N adds about N bytes of words to every text, to reach a given data size with fewer comments.
  local words = { "river", "lamp", "orange", "quiet", "window", "seven", "garden", "paper" }
  local parts = {}
  local size = 0
  local i = 0
  while size < tonumber(os.getenv("SOAK_PAD") or "0") do
    i = i + 1
    local w = words[(i * 7 + wid) % #words + 1]
    table.insert(parts, w)
    size = size + #w + 1
  end
  pad = #parts > 0 and (" " .. table.concat(parts, " ")) or ""
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"text":"soak %s-%d-%d: a comment written by the soak%s","authorName":"Soak","authorEmail":"soak%d@example.com"}',
    run, wid, counter, pad, wid)
  return wrk.format("POST", "/api/sites/open/threads/soak-" .. (counter % 100) .. "/comments",
    { ["Content-Type"] = "application/json" }, body)
end

local count = response
function response(status, headers, body)
  count(status, headers, body)
  if status == 201 and acks then
    acks:write(string.match(body, '"id":"(%d+)"'), "\n")
    acks:flush()
  end
end

function done(summary, latency, requests)
  print_statuses()
  io.write(string.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
