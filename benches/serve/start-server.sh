# Sourced by benches/serve/run and benches/serve/memory: `start_server ARGS...` starts
# `silica serve ARGS... --addr 127.0.0.1:0` in the background with its log in $work, waits
# until it listens, and sets $server (its pid) and $base (its URL); on exit the server is
# stopped and $work removed. Needs $root and $work.
start_server() {
  local log=$work/serve.log
  "$root/target/release/silica" serve "$@" --addr 127.0.0.1:0 2>"$log" &
  server=$!
  trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
  for _ in $(seq 300); do
    grep -q "listening on" "$log" && break
    kill -0 $server 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.2
  done
  base=$(grep -o 'http://[0-9.:]*' "$log" | head -1)
  server_line=$(grep 'listening on' "$log")
}
