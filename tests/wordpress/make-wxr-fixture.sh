#!/usr/bin/env bash
# Makes tests/Comments.Admin.Tests/Fixtures/wordpress-6.1-debian.wxr with a real WordPress (Debian's
# package, through tests/wordpress/wordpress.sh): comments written with WordPress's own
# wp_insert_comment (threaded, pending, spam, trashed, non-ASCII, a pingback), then the file its own
# export_wp() writes, the code behind Tools → Export.
#   tests/wordpress/make-wxr-fixture.sh [OUT]
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
out=${1:-tests/Comments.Admin.Tests/Fixtures/wordpress-6.1-debian.wxr}
dir=$(mktemp -d /tmp/comments-wxr-XXXXXX); rmdir "$dir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
trap '"$repo/tests/wordpress/wordpress.sh" stop "$dir" "$port"' EXIT
tests/wordpress/wordpress.sh start "$dir" "$port" http://127.0.0.1:9 t-open >/dev/null

cd /usr/share/wordpress
WORDPRESS_CONFIG="comments-test-$port" php -d display_errors=stderr -r '
  $_SERVER["WORDPRESS_CONFIG"] = getenv("WORDPRESS_CONFIG");
  $_SERVER["HTTP_HOST"] = "localhost:'"$port"'";
  $_SERVER["REQUEST_METHOD"] = "GET";
  require "/usr/share/wordpress/wp-load.php";
  require_once ABSPATH . "wp-admin/includes/export.php";
  $GLOBALS["wp_rewrite"]->init();
  $hello = get_page_by_path("hello-from-wordpress", OBJECT, "post")->ID;
  $cafe = wp_insert_post(array("post_title" => "Ünïcödé café", "post_name" => "café-ünïcödé", "post_status" => "publish",
    "post_content" => "<!-- wp:paragraph --><p>Non-ASCII everywhere.</p><!-- /wp:paragraph -->", "post_date_gmt" => "2024-05-03 08:00:00"));
  function add($post, $author, $email, $text, $approved, $date, $parent = 0, $ip = "", $type = "comment") {
    return wp_insert_comment(array("comment_post_ID" => $post, "comment_author" => $author, "comment_author_email" => $email,
      "comment_author_url" => "", "comment_content" => $text, "comment_approved" => $approved, "comment_parent" => $parent,
      "comment_author_IP" => $ip, "comment_date" => $date, "comment_date_gmt" => $date, "comment_type" => $type));
  }
  $first = add($hello, "Wanda", "wanda@example.com", "First! A real WordPress wrote this.", 1, "2024-05-02 09:00:00", 0, "198.51.100.4");
  $second = add($hello, "Zoë Ångström", "Zoe@Example.NET", "Très bien — 日本語のテキスト — שלום.", 1, "2024-05-02 09:30:12", $first, "203.0.113.7");
  add($hello, "Bob", "bob@example.com", "A reply to the reply.", 1, "2024-05-02 10:00:00", $second, "2001:db8::1");
  add($hello, "Carol", "carol@example.com", "Waiting for a moderator.", 0, "2024-05-02 11:00:00");
  add($hello, "cheap pills", "pills@spam.example", "Buy cheap pills at https://spam.example/", "spam", "2024-05-02 12:00:00", 0, "192.0.2.66");
  add($hello, "Dave", "dave@example.com", "I regret writing this.", "trash", "2024-05-02 13:00:00");
  add($hello, "Another blog", "", "[…] a pingback from another blog […]", 1, "2024-05-02 14:00:00", 0, "192.0.2.10", "pingback");
  add($cafe, "Émile", "emile@example.fr", "Un café, s’il vous plaît.", 1, "2024-05-03 09:00:00", 0, "198.51.100.9");
  ob_start();
  export_wp(array("content" => "all"));
  file_put_contents("/dev/stdout", ob_get_clean());
' > "$repo/$out"
echo "wrote $out ($(grep -c "<wp:comment>" "$repo/$out") comments)"
