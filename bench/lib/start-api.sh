# Sourced by the bench scripts (after service-dll.sh): start_api [PATH] starts the built service in the
# background ($dll, logging to $work/api.log), sets $api_pid and waits until $base/PATH answers
# (default /health/ready); if the process dies first, prints its last log lines and exits 1.
start_api() {
  local path=${1:-/health/ready}
  dotnet "$dll" >>"$work/api.log" 2>&1 &
  api_pid=$!
  until curl -sf "$base$path" >/dev/null; do
    kill -0 "$api_pid" 2>/dev/null || { echo "the service did not start:"; tail -20 "$work/api.log"; exit 1; }
    sleep 0.05
  done
}
