#!/usr/bin/env bash
# A real WordPress (Debian's wordpress package, MariaDB, Apache with mod_php) on a loopback port, with
# the repository's plugin (integrations/wordpress/comments-widget) active and one published post.
# Everything lives in one folder of its own; nothing of the machine's own WordPress, MariaDB or Apache
# is touched except one file, /etc/wordpress/config-comments-test-PORT.php, removed by "stop".
#
#   tests/wordpress/wordpress.sh start DIR PORT SERVICE_URL SITE   prints the post's URL on its last line
#   tests/wordpress/wordpress.sh stop DIR PORT
#
# Exit 3 when a package is missing (apt-get install -y wordpress mariadb-server apache2 libapache2-mod-php php-mysql).
set -euo pipefail
cmd=${1:?start or stop}; dir=${2:?folder}; port=${3:?port}
repo=$(cd "$(dirname "$0")/../.." && pwd)
config=/etc/wordpress/config-comments-test-$port.php

stop() {
  [ -f "$dir/apache.pid" ] && kill "$(cat "$dir/apache.pid")" 2>/dev/null || true
  [ -f "$dir/mysqld.pid" ] && kill "$(cat "$dir/mysqld.pid")" 2>/dev/null || true
  for _ in $(seq 1 50); do
    { [ -f "$dir/apache.pid" ] && kill -0 "$(cat "$dir/apache.pid")" 2>/dev/null; } || \
    { [ -f "$dir/mysqld.pid" ] && kill -0 "$(cat "$dir/mysqld.pid")" 2>/dev/null; } || break
    sleep 0.1
  done
  rm -f "$config"
  rm -rf "$dir"
}

if [ "$cmd" = stop ]; then stop; exit 0; fi

service=${4:?service url}; site=${5:?site id}
mariadbd=$(command -v mariadbd || command -v mysqld || true)
for need in "$mariadbd" "$(command -v apache2 || true)" "$(command -v php || true)" /usr/share/wordpress/wp-load.php /usr/lib/apache2/modules/libphp8.2.so; do
  [ -n "$need" ] && [ -e "$need" ] || { echo "wordpress.sh: missing ${need:-a binary} (apt-get install -y wordpress mariadb-server apache2 libapache2-mod-php php-mysql)" >&2; exit 3; }
done

mkdir -p "$dir/db" "$dir/wp-content/plugins" "$dir/wp-content/themes" "$dir/run"
chmod 755 "$dir" "$dir/wp-content" "$dir/run"
ln -sfn "$repo/integrations/wordpress/comments-widget" "$dir/wp-content/plugins/comments-widget"
ln -sfn /usr/share/wordpress/wp-content/themes/twentytwentythree "$dir/wp-content/themes/twentytwentythree"

# MariaDB: its own data folder, socket only (no TCP port to collide with).
mariadb-install-db --no-defaults --datadir="$dir/db" --user=root --skip-test-db --auth-root-authentication-method=normal >"$dir/mariadb-install.log" 2>&1
"$mariadbd" --no-defaults --datadir="$dir/db" --socket="$dir/mysql.sock" --skip-networking --pid-file="$dir/mysqld.pid" \
  --user=root --log-error="$dir/mysqld.log" &
for _ in $(seq 1 100); do [ -S "$dir/mysql.sock" ] && break; sleep 0.1; done
[ -S "$dir/mysql.sock" ] || { echo "wordpress.sh: MariaDB did not start" >&2; cat "$dir/mysqld.log" >&2; exit 1; }
chmod 755 "$dir/db" 2>/dev/null || true
mariadb --no-defaults --socket="$dir/mysql.sock" -uroot <<SQL
CREATE DATABASE wordpress CHARACTER SET utf8mb4;
CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp-test';
GRANT ALL ON wordpress.* TO 'wp'@'localhost';
SQL

cat > "$config" <<PHP
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp-test');
define('DB_HOST', 'localhost:$dir/mysql.sock');
define('WP_HOME', 'http://localhost:$port');
define('WP_SITEURL', 'http://localhost:$port');
define('WP_CONTENT_DIR', '$dir/wp-content');
define('WP_CONTENT_URL', 'http://localhost:$port/wp-content');
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
PHP

cat > "$dir/apache.conf" <<CONF
ServerRoot /etc/apache2
ServerName localhost
Listen 127.0.0.1:$port
PidFile $dir/apache.pid
DefaultRuntimeDir $dir/run
Mutex file:$dir/run default
ErrorLog $dir/apache-error.log
LogLevel warn
User www-data
Group www-data
LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
LoadModule alias_module /usr/lib/apache2/modules/mod_alias.so
LoadModule env_module /usr/lib/apache2/modules/mod_env.so
LoadModule rewrite_module /usr/lib/apache2/modules/mod_rewrite.so
LoadModule php_module /usr/lib/apache2/modules/libphp8.2.so
StartServers 2
MinSpareServers 1
MaxSpareServers 4
MaxRequestWorkers 8
TypesConfig /etc/mime.types
DocumentRoot /usr/share/wordpress
DirectoryIndex index.php
SetEnv WORDPRESS_CONFIG comments-test-$port
Alias /wp-content $dir/wp-content
<FilesMatch "\.php\$">
  SetHandler application/x-httpd-php
</FilesMatch>
<Directory />
  Options FollowSymLinks
  AllowOverride None
  Require all granted
</Directory>
<Directory /usr/share/wordpress>
  RewriteEngine On
  RewriteBase /
  RewriteRule ^index\.php\$ - [L]
  RewriteCond %{REQUEST_FILENAME} !-f
  RewriteCond %{REQUEST_FILENAME} !-d
  RewriteRule . /index.php [L]
</Directory>
CONF

# WordPress's own installer and API: the blog, pretty permalinks, the plugin with its settings, one post.
post_url=$(cd /usr/share/wordpress && WORDPRESS_CONFIG="comments-test-$port" php -d display_errors=stderr -r '
  $_SERVER["WORDPRESS_CONFIG"] = getenv("WORDPRESS_CONFIG");
  $_SERVER["HTTP_HOST"] = "localhost:'"$port"'";
  $_SERVER["REQUEST_METHOD"] = "GET";
  define("WP_INSTALLING", true);
  require "/usr/share/wordpress/wp-load.php";
  require_once ABSPATH . "wp-admin/includes/upgrade.php";
  require_once ABSPATH . "wp-admin/includes/plugin.php";
  wp_install("Comments test blog", "admin", "admin@example.com", true, "", "admin-password-" . bin2hex(random_bytes(8)));
  update_option("permalink_structure", "/%postname%/");
  $GLOBALS["wp_rewrite"]->init();
  update_option("comments_widget", array("service" => "'"$service"'", "site" => "'"$site"'", "lang" => ""));
  $activated = activate_plugin("comments-widget/comments-widget.php");
  if (is_wp_error($activated)) { fwrite(STDERR, $activated->get_error_message()); exit(1); }
  $id = wp_insert_post(array("post_title" => "Hello from WordPress", "post_name" => "hello-from-wordpress",
    "post_content" => "<!-- wp:paragraph --><p>An article on a real WordPress.</p><!-- /wp:paragraph -->", "post_status" => "publish"));
  flush_rewrite_rules(false);
  echo get_permalink($id);
')

apache2 -f "$dir/apache.conf" -k start
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "$post_url" 2>/dev/null && break
  sleep 0.1
done
curl -fsS -o /dev/null "$post_url" || { echo "wordpress.sh: $post_url does not answer" >&2; cat "$dir/apache-error.log" >&2; exit 1; }
echo "$post_url"
