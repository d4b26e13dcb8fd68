#!/usr/bin/env bash
# Runs nginx (Debian's, with brotli) serving a dist folder the way a CDN would, using the
# shipped deploy/nginx config. Usage: scripts/nginx.sh start|stop|foreground PORT DIST [BASE]
# BASE (e.g. /patients/car-t) serves DIST under that path, as a portal would.
# FRAME_ANCESTORS (env) sets the CSP frame-ancestors list (default 'self').
set -euo pipefail
cd "$(dirname "$0")/.."
action=$1 port=$2 dist=$(realpath "$3") base=${4:-}
frame_ancestors=${FRAME_ANCESTORS:-"'self'"}
run="$PWD/.run/nginx-$port"
mkdir -p "$run/logs"
root=$dist
if [ -n "$base" ]; then
  # The site lives at <root>$base: a link from there to the build.
  root="$run/site"
  rm -rf "$root" && mkdir -p "$root$(dirname "$base")"
  ln -s "$dist" "$root$base"
fi
cat > "$run/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so;
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
worker_processes 1;
pid $run/nginx.pid;
error_log $run/logs/error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $run/logs/access.log;
    client_body_temp_path $run/tmp;
    proxy_temp_path $run/tmp;
    fastcgi_temp_path $run/tmp;
    uwsgi_temp_path $run/tmp;
    scgi_temp_path $run/tmp;
    sendfile on;
    server {
        listen 127.0.0.1:$port;
        server_name localhost;
        root $root;
        set \$base "$base";
        set \$frame_ancestors "$frame_ancestors";
        include cart-hub.conf;
    }
}
CONF
# Relative includes resolve against the folder of nginx.conf: put the shipped files there.
cp deploy/nginx/cart-hub.conf deploy/nginx/security-headers.conf "$run/"
mkdir -p "$run/tmp"
case $action in
  start)
    [ -f "$run/nginx.pid" ] && kill "$(cat "$run/nginx.pid")" 2>/dev/null && sleep 0.3 || true
    nginx -p "$run" -c "$run/nginx.conf" -e "$run/logs/error.log"
    ;;
  foreground)
    [ -f "$run/nginx.pid" ] && kill "$(cat "$run/nginx.pid")" 2>/dev/null && sleep 0.3 || true
    echo "Serving $dist at http://127.0.0.1:$port/ (Ctrl-C to stop)"
    exec nginx -p "$run" -c "$run/nginx.conf" -e "$run/logs/error.log" -g 'daemon off;'
    ;;
  stop)
    [ -f "$run/nginx.pid" ] && kill "$(cat "$run/nginx.pid")" 2>/dev/null || true
    ;;
esac
