#!/usr/bin/env bash
# Load on the readership collector: page views sent as fast as wrk can, each answered only after
# its commit, against SQLite and against PostgreSQL. Prints throughput, latency and, from the
# collector's own counters, that every acknowledged event was stored.
#
#   bash bench/collect-bench.sh [SECONDS]          (default: 20 s per database)
#
# Environment:
#   BENCH_CONNECTIONS  concurrent connections (default: 16)
#   BENCH_THREADS      wrk threads (default: 2)
#   BENCH_SILENT       slow-client attack: this many connections that send one byte and go silent
#                      stay open during the measured run (default: 0; see bench/SilentClients.java)
# Needs wrk (apt-get install wrk), curl, and for PostgreSQL Debian's postgresql package
# (started with .ci/postgres). Results are recorded in docs/readership.md ("Load").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SECONDS_EACH="${1:-20}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
THREADS="${BENCH_THREADS:-2}"
SILENT="${BENCH_SILENT:-0}"
die() { echo "collect-bench: $*" >&2; exit 1; }
command -v wrk >/dev/null || die "wrk is needed: apt-get install wrk"
command -v curl >/dev/null || die "curl is needed"
[ -f target/casebook.jar ] || mvn -q -B package -DskipTests

work=$(mktemp -d /tmp/casebook-collect-bench-XXXXXX)
pid=""
silent_pid=""
pg=""
cleanup() {
  if [ -n "$silent_pid" ]; then kill "$silent_pid" 2>/dev/null || true; wait "$silent_pid" 2>/dev/null || true; fi
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  if [ -n "$pg" ]; then bash .ci/postgres "$pg" stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Every request a new page view (a new page-load id), so every one is a new row.
cat >"$work/pv.lua" <<'LUA'
-- setup() runs in wrk's main state and gives each thread its number as the global tid.
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
local n = 0
function init(args)
  math.randomseed(os.time() + tid)
end
function request()
  n = n + 1
  local id = string.format("bench%d%08d%06d", tid, n, math.random(0, 999999))
  local doc = string.format("INC-2024-%03d", n % 500)
  local body = '{"v":1,"t":"pv","id":"' .. id .. '","doc":"' .. doc .. '","u":"/incidents/' .. doc .. '/","r":"","src":""}'
  return wrk.format("POST", "/_r/e", {["Content-Type"] = "text/plain"}, body)
end
LUA

cat >"$work/collector.yml" <<'YML'
rate:
  per_second: 100000
  burst: 100000
queue: 4000
YML

port=$((30000 + RANDOM % 20000))

run() { # NAME DB
  local name="$1" db="$2"
  java -Xmx512m -jar target/casebook.jar collect --port "$port" --db "$db" --config "$work/collector.yml" >"$work/$name.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null || die "the collector did not start: $(cat "$work/$name.log")"
  # a short warm-up, then the measured run
  wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s "$work/pv.lua" "http://127.0.0.1:$port" >/dev/null
  if [ "$SILENT" -gt 0 ]; then
    java bench/SilentClients.java "$port" "$SILENT" "$((SECONDS_EACH + 5))" >"$work/$name.silent" 2>&1 &
    silent_pid=$!
    for _ in $(seq 1 300); do grep -q "open:" "$work/$name.silent" 2>/dev/null && break; sleep 0.1; done
    grep -q "open:" "$work/$name.silent" || die "the silent clients did not start: $(cat "$work/$name.silent")"
  fi
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s "$work/pv.lua" "http://127.0.0.1:$port" >"$work/$name.wrk"
  if [ -n "$silent_pid" ]; then wait "$silent_pid" || true; silent_pid=""; fi
  local health
  health=$(curl -fsS "http://127.0.0.1:$port/health")
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/$name.wrk")
  p50=$(awk '$1 == "50%" {print $2}' "$work/$name.wrk")
  p99=$(awk '$1 == "99%" {print $2}' "$work/$name.wrk")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$work/$name.wrk"); non2xx=${non2xx:-0}
  echo "| $name | $rps | $p50 | $p99 | $non2xx | $health |"
  if [ "$SILENT" -gt 0 ]; then echo "|   | $(tail -n 1 "$work/$name.silent") | | | | |"; fi
}

echo
echo "Machine: $(nproc) CPUs · $(java -version 2>&1 | head -n 1) · wrk $THREADS threads, $CONNECTIONS connections, ${SECONDS_EACH} s · $SILENT silent connections"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| database | requests/s | p50 | p99 | non-2xx | collector counters after the run |"
echo "|---|---:|---:|---:|---:|---|"
run sqlite "$work/readership.db"
if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  pg=$(mktemp -d /tmp/casebook-collect-bench-pg-XXXXXX)   # beside $work: the server's user must reach it
  url=$(bash .ci/postgres "$pg")
  run postgresql "$url"
else
  echo "| postgresql | not installed (apt-get install postgresql) | | | | |"
fi
