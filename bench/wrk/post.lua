-- wrk script: every request a new comment with a unique text, an ordinary reply that the shipped
-- model publishes, spread over 100 threads of the site "bench", 1,000 distinct emails.
--   wrk -t2 -c32 -d15s -s bench/wrk/post.lua http://127.0.0.1:PORT
-- WRK_POST_PATH overrides the path ("{thread}" is replaced): /echo for the bare Kestrel echo.
-- Prints the count of each status at the end (a 409 means a repeated text, a 429 a rate limit).
dofile("bench/wrk/common.lua")

function init(args)
  start_thread()
  -- At most 5 digits: a run of 9 digits in a text makes the model hold it (measured: 202 instead of 201).
  run = tostring(math.random(1, 99999))
  path = os.getenv("WRK_POST_PATH") or "/api/sites/bench/threads/{thread}/comments"
end

-- Digits in a text read as a phone number to the spam model (measured: "(33416 1 4875)" scored
-- 0.94 spam), so the text is made unique by words: this wrk thread and counter, in base 16.
local words = { "river", "lamp", "orange", "quiet", "window", "garden", "paper", "stone",
                "cloud", "bread", "violin", "meadow", "candle", "harbor", "pencil", "forest" }
function unique(n)
  local out = {}
  repeat
    table.insert(out, words[n % 16 + 1])
    n = math.floor(n / 16)
  until n == 0
  return table.concat(out, " ")
end

-- WRK_UNIQUE_AUTHORS=1: every request from a new author (its own email, and its own address in
-- X-Forwarded-For, which the service trusts from loopback), so that a site's flood window can stay on.
local unique_authors = os.getenv("WRK_UNIQUE_AUTHORS") == "1"

function request()
  counter = counter + 1
  local email = unique_authors and string.format("reader-%d-%d-%s@example.com", wid, counter, run)
    or string.format("reader%d@example.com", (counter * 7 + wid) % 1000)
  local body = string.format(
    '{"text":"I read the whole article and mostly agree, though the part about the budget seemed rushed to me. Thanks for writing it, from the %s desk.","authorName":"Bench Reader","authorEmail":"%s"}',
    unique(counter * 16 + wid), email)
  local thread = "ingest-" .. run .. "-" .. (counter % 100)
  local headers = { ["Content-Type"] = "application/json" }
  if unique_authors then
    -- The run's random number in the address too: a warm-up run before it used the same counters.
    headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", (tonumber(run) * 16 + wid) % 256, math.floor(counter / 256) % 256, counter % 256)
  end
  return wrk.format("POST", (string.gsub(path, "{thread}", thread)), headers, body)
end
