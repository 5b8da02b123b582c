-- wrk script for WordPress: every request a new comment (unique text, the same reply as
-- bench/wrk/post.lua) on post 1 through wp-comments-post.php, the form "Leave a Reply" sends.
-- WordPress answers 302 (back to the post) when it stored the comment.
dofile("bench/wrk/common.lua")

function init(args)
  start_thread()
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
