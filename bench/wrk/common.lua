-- What the POST scripts share (bench/wrk/post.lua, bench/soak/unique-posts.lua, bench/peers/wordpress/post.lua).
-- Load it with dofile("bench/wrk/common.lua"): wrk runs from the repo root, and dofile reads paths from there.
-- Each wrk thread gets a number (wid), its own random seed and a request counter; every response's status is
-- counted, and done() prints the count of each status over all threads ("status 201: 1234").
local threads = {}
local id = 0

function setup(thread)
  id = id + 1
  thread:set("wid", id)
  table.insert(threads, thread)
end

-- For a script's init(): the request counter, and a seed that differs per run and per wrk thread.
function start_thread()
  counter = 0
  math.randomseed(os.time() * 1000 + wid)
end

statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function print_statuses()
  local total = {}
  for _, thread in ipairs(threads) do
    for code, n in pairs(thread:get("statuses")) do total[code] = (total[code] or 0) + n end
  end
  for code, n in pairs(total) do io.write(string.format("status %d: %d\n", code, n)) end
end

function done(summary, latency, requests)
  print_statuses()
end
