#!/usr/bin/env bash
# The peer: WordPress 6.1 from Debian (apache2 + libapache2-mod-php + mariadb-server + wordpress),
# the system whose "Leave a Reply" we replace, under the same wrk load as bench/wrk/run.sh.
#
#   bench/peers/wordpress/run.sh [--port 7180] [--db-port 7181] [--name h11] [--threads 2]
#                                [--connections 32] [--warmup 10] [--seconds 15]
#
# Everything runs from a temporary folder: its own MariaDB (database wp_NAME on --db-port), its own
# Apache (prefork, 32 PHP workers, on --port), WordPress installed through its own installer, 100
# approved comments on post 1. Outside that folder it writes one file, the Debian package's per-site
# config /etc/wordpress/config-NAME.php (selected with WORDPRESS_CONFIG=NAME), removed at the end.
# A must-use plugin turns WordPress's comment flood check off (every request comes from one address)
# and approves comments from new authors, as our bench site publishes them.
# Measures: POST wp-comments-post.php (unique texts; 302 = stored) and GET the REST list of the
# post's 100 comments (?rest_route=/wp/v2/comments&post=1&per_page=100). CPU: Apache and MariaDB.
# Needs root (Apache drops to www-data).
set -uo pipefail
cd "$(dirname "$0")/../../.."

port=7180 dbport=7181 name=h11 threads=2 connections=32 warmup=10 seconds=15
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2; shift 2 ;;
    --db-port) dbport=$2; shift 2 ;;
    --name) name=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for c in wrk apache2 mariadbd mariadb-install-db; do
  command -v "$c" >/dev/null || [ -x "/usr/sbin/$c" ] || { echo "$c is missing (apt-get install apache2 libapache2-mod-php mariadb-server wordpress wrk)" >&2; exit 2; }
done
[ -f /usr/share/wordpress/wp-comments-post.php ] || { echo "WordPress is missing (apt-get install wordpress)" >&2; exit 2; }
PATH=$PATH:/usr/sbin

work=$(mktemp -d /tmp/comments-wp.XXXX)
chmod 755 "$work"
config=/etc/wordpress/config-$name.php
db_pid=""
cleanup() {
  apache2 -f "$work/apache.conf" -k stop 2>/dev/null
  [ -n "$db_pid" ] && kill "$db_pid" 2>/dev/null && wait "$db_pid" 2>/dev/null
  rm -f "$config"; rm -rf "$work"
}
trap cleanup EXIT

# MariaDB, its own folder and port.
mariadb-install-db --no-defaults --user=root --datadir="$work/db" --auth-root-authentication-method=socket --skip-test-db >"$work/db-install.log" 2>&1 \
  || { echo "mariadb-install-db failed:"; tail "$work/db-install.log"; exit 1; }
mariadbd --no-defaults --user=root --datadir="$work/db" --socket="$work/db.sock" --port="$dbport" --bind-address=127.0.0.1 \
  --pid-file="$work/db.pid" --log-error="$work/db.err" --innodb-buffer-pool-size=128M &
db_pid=$!
until mariadb-admin --socket="$work/db.sock" -uroot ping >/dev/null 2>&1; do
  kill -0 "$db_pid" 2>/dev/null || { echo "MariaDB did not start:"; tail "$work/db.err"; exit 1; }
  sleep 0.2
done
mariadb --socket="$work/db.sock" -uroot -e "CREATE DATABASE wp_$name; CREATE USER 'wp'@'127.0.0.1' IDENTIFIED BY 'wp'; GRANT ALL ON wp_$name.* TO 'wp'@'127.0.0.1';"

# WordPress: the Debian config for this name, a content folder of our own with the must-use plugin.
mkdir -p "$work/wp-content/mu-plugins" "$work/wp-content/plugins" "$work/wp-content/uploads"
ln -s /var/lib/wordpress/wp-content/themes "$work/wp-content/themes"
cat >"$work/wp-content/mu-plugins/bench.php" <<'PHP'
<?php
// Benchmark only: every request comes from 127.0.0.1, so the flood check would refuse them all.
add_filter('wp_is_comment_flood', '__return_false', 99);
// Approve new authors' comments, as the Comments bench site publishes them.
add_filter('pre_option_comment_previously_approved', function () { return '0'; });
add_filter('pre_option_comment_moderation', function () { return '0'; });
PHP
cat >"$config" <<PHP
<?php
define('DB_NAME', 'wp_$name');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp');
define('DB_HOST', '127.0.0.1:$dbport');
define('WP_CONTENT_DIR', '$work/wp-content');
define('WP_HOME', 'http://127.0.0.1:$port');
define('WP_SITEURL', 'http://127.0.0.1:$port');
PHP
chmod 644 "$config"
chown -R www-data "$work/wp-content/uploads"

# Apache: prefork, a fixed pool of PHP workers (so no worker's CPU leaves with it), on our port.
m=/usr/lib/apache2/modules
cat >"$work/apache.conf" <<CONF
ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:$port
PidFile $work/apache.pid
ErrorLog $work/apache-error.log
LogLevel warn
User www-data
Group www-data
LoadModule mpm_prefork_module $m/mod_mpm_prefork.so
LoadModule authz_core_module $m/mod_authz_core.so
LoadModule dir_module $m/mod_dir.so
LoadModule mime_module $m/mod_mime.so
LoadModule env_module $m/mod_env.so
LoadModule php_module $m/libphp8.2.so
TypesConfig /etc/mime.types
StartServers 32
MinSpareServers 32
MaxSpareServers 32
ServerLimit 32
MaxRequestWorkers 32
MaxConnectionsPerChild 0
KeepAlive On
MaxKeepAliveRequests 0
DocumentRoot /usr/share/wordpress
SetEnv WORDPRESS_CONFIG $name
<Directory /usr/share/wordpress>
  Require all granted
  AllowOverride None
  DirectoryIndex index.php
</Directory>
<FilesMatch "\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
CONF
apache2 -f "$work/apache.conf" -k start || { echo "Apache did not start"; cat "$work/apache-error.log"; exit 1; }
base="http://127.0.0.1:$port"
until curl -s -o /dev/null "$base/wp-login.php"; do sleep 0.2; done

password="bench-$RANDOM-$RANDOM-$RANDOM"
curl -s -o "$work/install.html" --data-urlencode "weblog_title=Bench" --data-urlencode "user_name=admin" \
  --data-urlencode "admin_password=$password" --data-urlencode "admin_password2=$password" --data "pw_weak=1" \
  --data-urlencode "admin_email=admin@example.com" --data "blog_public=0" "$base/wp-admin/install.php?step=2"
posts=$(curl -s "$base/?rest_route=/wp/v2/posts" | grep -o '"id":1,' | head -1)
[ -n "$posts" ] || { echo "WordPress did not install (no post 1):"; sed 's/<[^>]*>//g' "$work/install.html" | grep -v '^\s*$' | tail -5; tail -3 "$work/apache-error.log"; exit 1; }

for i in $(seq 1 100); do
  code=$(curl -s -o /dev/null -w '%{http_code}' --data "comment_post_ID=1&author=Seed+Reader&email=seed$((i % 10))%40example.com&url=&submit=Post+Comment" \
    --data-urlencode "comment=I read the whole article and mostly agree, though the part about the budget seemed rushed to me. Thanks for writing it (seed $i)." \
    "$base/wp-comments-post.php")
  [ "$code" = 302 ] || { echo "seed comment $i answered $code"; exit 1; }
done
read_url="$base/?rest_route=/wp/v2/comments&post=1&per_page=100"
shown=$(curl -s "$read_url" | grep -o '"post":1,' | wc -l)

. bench/lib/wrk-block.sh
pids="$(cat "$work/apache.pid") $db_pid"
echo "# $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, wrk -t$threads -c$connections, warm-up ${warmup}s, measured ${seconds}s; WordPress $(grep -o "wp_version = '[^']*'" /usr/share/wordpress/wp-includes/version.php | cut -d"'" -f2), REST page of $shown comments: $(curl -s "$read_url" | wc -c) bytes"
echo "| target | req/s | p50 / p99 ms | server CPU µs/req | load (1 min) | JIT methods in the run |"
echo "|---|---|---|---|---|---|"
block "WordPress POST wp-comments-post.php" "$pids" "$base" -s bench/peers/wordpress/post.lua
block "WordPress GET 100 comments (REST)" "$pids" "$read_url"
