#!/usr/bin/env bash
# Load and footprint of the web platform (`blma serve`) on loopback:
# - start-up: time from exec to /healthz answering "ok", and the server's own "ready in N ms";
# - memory: resident set (VmRSS) when idle after start-up, and the peak (VmHWM) after the load;
# - latency p50/p99 and throughput of the report page (/agreements/1) and of search
#   (/search?q=recruitment+fees, or /guide/III.B.1 while there is no search page) with wrk,
#   logged in, at 50 and 200 concurrent connections (-t2, DURATION each, 10s by default).
# Goals: p99 < 50 ms at 200 connections, ready in < 1 s, idle RSS < 100 MB.
# Not a timed test: run it by hand (`bash bench/web-load.sh`). Writes the summary to
# bench/results/web-load-<date>.txt. Loopback only; the server and its data die with the script.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${DURATION:-10s}
connections=(50 200)
for tool in curl python3; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed"; exit 1; }
done
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing wrk" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null \
      || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
  else
    echo "wrk is not installed (apt-get install wrk)"; exit 1
  fi
fi

cargo build --release --quiet -p blma
bin=${CARGO_TARGET_DIR:-target}/release/blma

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -INT "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# A free loopback port (the kernel's choice, released just before the server takes it).
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
email=bench-admin@example.org
password='a long bench passphrase'
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

now_ms() { date +%s%3N; }
t0=$(now_ms)
BLMA_ADMIN_EMAIL=$email BLMA_ADMIN_PASSWORD=$password \
  "$bin" serve --data-dir "$work/data" --bind "127.0.0.1:$port" 2>"$work/server.log" &
server_pid=$!
until [ "$(curl -s --max-time 1 "$base/healthz" 2>/dev/null)" = ok ]; do
  kill -0 "$server_pid" 2>/dev/null || { echo "blma serve died:"; cat "$work/server.log"; exit 1; }
  [ $(($(now_ms) - t0)) -lt 60000 ] || { echo "not ready after 60 s:"; cat "$work/server.log"; exit 1; }
  sleep 0.01
done
healthy_ms=$(($(now_ms) - t0))
ready_ms=$(sed -n 's/.*ready in \([0-9]*\) ms.*/\1/p' "$work/server.log" | head -1)

kib() { awk -v k="$1" '$1 == k":" { print $2 }' "/proc/$server_pid/status"; }
sleep 2
idle_rss=$(kib VmRSS)
idle_hwm=$(kib VmHWM)

# Log in as a browser would: the login page sets the double-submit cookie and the hidden field.
jar=$work/cookies
csrf_of() { sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1; }
token=$(curl -s -c "$jar" -b "$jar" "$base/login" | csrf_of)
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
  --data-urlencode "email=$email" --data-urlencode "password=$password" \
  --data-urlencode "csrf=$token" --data-urlencode "next=/" "$base/login")
[ "$status" = 303 ] || { echo "login failed: HTTP $status"; exit 1; }
session=$(awk '$6 == "blma_session" { print $7 }' "$jar")
[ -n "$session" ] || { echo "no session cookie after login"; exit 1; }
cookie="Cookie: blma_session=$session"

# Upload the development agreements.
uploads=0
upload_ms=0
for f in fixtures/eval-dev/*.txt; do
  token=$(curl -s -b "$jar" "$base/upload" | csrf_of)
  t=$(now_ms)
  status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -F "csrf=$token" -F "file=@$f;type=text/plain" "$base/upload")
  upload_ms=$((upload_ms + $(now_ms) - t))
  [ "$status" = 303 ] || { echo "upload of $f failed: HTTP $status"; exit 1; }
  uploads=$((uploads + 1))
done

report=/agreements/1
search="/search?q=recruitment+fees"
search_note=
if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$cookie" "$base$search")" != 200 ]; then
  search_note="(no /search page yet: /guide/III.B.1 measured instead)"
  search=/guide/III.B.1
fi
# Make sure the measured pages are the real ones, not a redirect to the login page.
report_bytes=$(curl -s -H "$cookie" "$base$report" | tee "$work/report.html" | wc -c)
grep -q 'class="finding' "$work/report.html" || { echo "$report is not a report page"; exit 1; }
search_bytes=$(curl -s -H "$cookie" -o /dev/null -w '%{size_download}' "$base$search")

# "p50 p99 req/s non2xx errors" (latencies in ms) for wrk's output on stdin.
parse_wrk() {
  python3 -c '
import re, sys
text = sys.stdin.read()
def ms(v):
    n, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
p = dict(re.findall(r"^\s+(\d+)%\s+(\S+)$", text, re.M))
rps = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
p50, p99 = ms(p["50"]), ms(p["99"])
print("%.2f %.2f %.0f %s %d" % (p50, p99, float(rps), bad.group(1) if bad else 0, sum(map(int, errors.groups())) if errors else 0))
'
}

wrk -t1 -c4 -d2s -H "$cookie" "$base$report" >/dev/null # warm-up
results=()
for path in "$report" "$search"; do
  for c in "${connections[@]}"; do
    out=$(wrk -t2 -c"$c" -d"$duration" --latency --timeout 10s -H "$cookie" "$base$path")
    echo "$out" >"$work/wrk-$c-$(echo "$path" | tr -c 'a-z0-9' _).txt"
    results+=("$path $c $(echo "$out" | parse_wrk)")
  done
done
loaded_rss=$(kib VmRSS)
loaded_hwm=$(kib VmHWM)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

verdict() { if python3 -c "import sys; sys.exit(0 if $1 else 1)"; then echo met; else echo MISSED; fi; }
summary=$work/summary.txt
{
  echo "blma serve load and footprint — $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (+ uncommitted changes)'), $(nproc) cores, load average before $load_before, after $load_after"
  echo "wrk -t2 -d$duration --latency, logged in, loopback; $uploads agreements uploaded (${upload_ms} ms in all)"
  echo
  printf '%-40s %12s\n' "start-up: exec → /healthz ok" "$healthy_ms ms"
  printf '%-40s %12s   goal < 1000 ms: %s\n' "start-up: server's \"ready in\"" "$ready_ms ms" "$(verdict "$ready_ms < 1000")"
  printf '%-40s %12s   goal < 100 MB: %s\n' "idle RSS (VmRSS 2 s after ready)" "$((idle_rss / 1024)) MB" "$(verdict "$idle_rss < 102400")"
  printf '%-40s %12s\n' "idle peak (VmHWM)" "$((idle_hwm / 1024)) MB"
  printf '%-40s %12s\n' "loaded RSS (VmRSS after the runs)" "$((loaded_rss / 1024)) MB"
  printf '%-40s %12s\n' "loaded peak (VmHWM after the runs)" "$((loaded_hwm / 1024)) MB"
  echo
  echo "report page $report: $report_bytes bytes; search $search: $search_bytes bytes $search_note"
  printf '%-34s %6s %10s %10s %10s %8s %7s  %s\n' route conns "p50 ms" "p99 ms" "req/s" non2xx errors "p99 < 50 ms"
  for r in "${results[@]}"; do
    read -r path c p50 p99 rps bad errs <<<"$r"
    goal=-
    [ "$c" = 200 ] && goal=$(verdict "$p99 < 50")
    printf '%-34s %6s %10s %10s %10s %8s %7s  %s\n' "$path" "$c" "$p50" "$p99" "$rps" "$bad" "$errs" "$goal"
  done
} >"$summary"
cat "$summary"
mkdir -p bench/results
cp "$summary" "bench/results/web-load-$(date -u +%Y-%m-%d).txt"
echo "written to bench/results/web-load-$(date -u +%Y-%m-%d).txt"
