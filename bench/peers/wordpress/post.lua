-- wrk script for WordPress: every request a new comment (unique text, the same reply as
-- bench/wrk/post.lua) on post 1 through wp-comments-post.php, the form "Leave a Reply" sends.
-- WordPress answers 302 (back to the post) when it stored the comment.
local threads = {}
local id = 0

function setup(thread)
  id = id + 1
  thread:set("wid", id)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  math.randomseed(os.time() * 1000 + wid)
  run = tostring(math.random(1, 99999))
end

function request()
  counter = counter + 1
  local text = string.format(
    "I read the whole article and mostly agree, though the part about the budget seemed rushed to me. Thanks for writing it (%s %d %d).",
    run, wid, counter)
  local body = "comment_post_ID=1&author=Bench+Reader&email=reader" .. ((counter * 7 + wid) % 1000) ..
    "%40example.com&url=&comment=" .. string.gsub(text, "[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end) ..
    "&submit=Post+Comment"
  return wrk.format("POST", "/wp-comments-post.php", { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end

statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for code, n in pairs(thread:get("statuses")) do total[code] = (total[code] or 0) + n end
  end
  for code, n in pairs(total) do io.write(string.format("status %d: %d\n", code, n)) end
end
