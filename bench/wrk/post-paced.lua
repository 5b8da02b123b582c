-- post.lua at a fixed pace: each connection waits WRK_DELAY_MS between requests, so the rate is about
-- connections × 1000 / WRK_DELAY_MS per second, whatever the server could do (used by post-cost.sh).
dofile("bench/wrk/post.lua")
local pause = tonumber(os.getenv("WRK_DELAY_MS") or "0")
function delay() return pause end
