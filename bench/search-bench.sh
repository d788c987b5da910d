#!/usr/bin/env bash
# Search benchmark, as a reader meets it: for generated libraries of N write-ups, builds the site,
# indexes the same site with Pagefind, serves it over HTTP with gzip, opens the home page in a fresh
# headless Chromium profile, types the query into the search box right after load, and records the
# bytes fetched (Resource Timing) and the wall-clock ms from that keystroke to the first result on
# screen; then the same with Pagefind's default UI. Also the size of the search files on disk.
#
#   bash bench/search-bench.sh [N ...]        (default: 1000 10000)
#
# Environment:
#   BENCH_DIR        generated libraries and built sites (default: /tmp/casebook-bench)
#   BENCH_MIXES      the mixes of library (default: "uniform wide"; see bench/library.sh)
#   BENCH_REAL       the converted library of public postmortems, for the real mix (default: /tmp/real-postmortems)
#   BENCH_SEED       generator seed (default: 42)
#   BENCH_RUNS       browser runs per engine and query, each with a fresh profile; the median is reported (default: 3)
#   BENCH_QUERIES    the queries typed, separated by "|" (default: "failover|replica lag")
#   BENCH_TIMED_MAX  above this many write-ups only the sizes are measured, no browser and no Pagefind (default: 10000)
#   BENCH_JAR        the jar (default: target/casebook.jar, built if missing)
#   BENCH_PAGEFIND   0 to leave Pagefind out of the browser runs (default: 1), where indexing the
#                    site with it would cost more than the anchor is worth
#   BENCH_SITE       a site already built from the same library and jar, used instead of building
#                    one (one size and mix only; its build time is then not reported)
#   BENCH_JAVA_OPTS  JVM options for the build (default: none, Java's default heap)
#   CHROMIUM         the browser (default: chromium on the PATH)
#   PAGEFIND         the pagefind command (default: installed with npm into $BENCH_DIR/pagefind-1.6.0)
#
# See bench/README.md ("Search benchmark") for what is measured.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_DIR="${BENCH_DIR:-/tmp/casebook-bench}"
SEED="${BENCH_SEED:-42}"
RUNS="${BENCH_RUNS:-3}"
QUERIES="${BENCH_QUERIES:-failover|replica lag}"
TIMED_MAX="${BENCH_TIMED_MAX:-10000}"
JAR="${BENCH_JAR:-$ROOT/target/casebook.jar}"
WITH_PAGEFIND="${BENCH_PAGEFIND:-1}"
GIVEN_SITE="${BENCH_SITE:-}"
read -r -a BUILD_JOPTS <<<"${BENCH_JAVA_OPTS:-}"
CHROMIUM="${CHROMIUM:-$(command -v chromium || true)}"
PAGEFIND_VERSION=1.6.0

die() { echo "search-bench: $*" >&2; exit 1; }
log() { echo "search-bench: $*" >&2; }

if [ "$#" -eq 0 ]; then SIZES=(1000 10000); else SIZES=("$@"); fi
for n in "${SIZES[@]}"; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer, got '$n'"; done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer, got '$RUNS'"
[[ "$WITH_PAGEFIND" =~ ^[01]$ ]] || die "BENCH_PAGEFIND must be 0 or 1, got '$WITH_PAGEFIND'"
[ -z "$GIVEN_SITE" ] || [ -f "$GIVEN_SITE/assets/search/index.js" ] || die "BENCH_SITE=$GIVEN_SITE has no assets/search/index.js"
command -v java >/dev/null || die "java is not on the PATH"
command -v python3 >/dev/null || die "python3 is needed to serve the built site"
[ -n "$CHROMIUM" ] && [ -x "$CHROMIUM" ] || die "Chromium not found: apt-get install chromium, or set CHROMIUM"

if [ ! -f "$JAR" ]; then
  [ -z "${BENCH_JAR:-}" ] || die "BENCH_JAR=$BENCH_JAR does not exist"
  log "building $JAR (mvn -q -B package -DskipTests)"
  mvn -q -B package -DskipTests
fi

mkdir -p "$BENCH_DIR"
BENCH_DIR="$(cd "$BENCH_DIR" && pwd)"
if [ "$WITH_PAGEFIND" -eq 1 ] && [ -z "${PAGEFIND:-}" ]; then
  PAGEFIND="$BENCH_DIR/pagefind-$PAGEFIND_VERSION/node_modules/.bin/pagefind"
  if [ ! -x "$PAGEFIND" ]; then
    command -v npm >/dev/null || die "npm is needed to install Pagefind (or set PAGEFIND)"
    log "installing pagefind@$PAGEFIND_VERSION with npm into $BENCH_DIR/pagefind-$PAGEFIND_VERSION"
    npm install --silent --no-audit --no-fund --prefix "$BENCH_DIR/pagefind-$PAGEFIND_VERSION" "pagefind@$PAGEFIND_VERSION" >&2
  fi
fi
# shellcheck source=bench/library.sh
source "$ROOT/bench/library.sh"
MIXES=()
while read -r mix; do MIXES+=("$mix"); done < <(BENCH_MIXES="${BENCH_MIXES:-uniform wide}" mix_list)
[ "${#MIXES[@]}" -gt 0 ] || die "no mix to run (BENCH_MIXES)"
if [ -n "$GIVEN_SITE" ] && { [ "${#MIXES[@]}" -ne 1 ] || [ "${#SIZES[@]}" -ne 1 ]; }; then
  die "BENCH_SITE takes one size and one mix (BENCH_MIXES)"
fi
SERVER_PID=""
PROFILE=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi
  if [ -n "$PROFILE" ]; then rm -rf "$PROFILE"; fi
}
trap cleanup EXIT

# lunr.js 2.3.9 from its WebJar, for bench/search-bytes.js.
lunr_js() {
  local dir="$BENCH_DIR/lunr-2.3.9" jar
  if [ ! -f "$dir/META-INF/resources/webjars/lunr/2.3.9/lunr.js" ]; then
    jar="$(find "${HOME}/.m2/repository/org/webjars/npm/lunr/2.3.9" -name 'lunr-2.3.9.jar' | head -1)"
    [ -n "$jar" ] || die "lunr 2.3.9's WebJar is not in ~/.m2 (mvn dependency:get -Dartifact=org.webjars.npm:lunr:2.3.9)"
    mkdir -p "$dir" && (cd "$dir" && unzip -q -o "$jar" META-INF/resources/webjars/lunr/2.3.9/lunr.js)
  fi
  echo "$dir/META-INF/resources/webjars/lunr/2.3.9/lunr.js"
}

mb() { awk -v b="$1" 'BEGIN {printf "%.1f MB", b / 1e6}'; }
kb() { awk -v b="$1" 'BEGIN {printf "%.0f kB", b / 1e3}'; }

# One run: a fresh profile opens the harness page, which reports to the server; prints the report's JSON.
measure() { # URL
  PROFILE="$(mktemp -d)"
  : >"$REPORTS"
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --disable-quic --user-data-dir="$PROFILE" \
    --dump-dom "$1" >/dev/null 2>&1 || true
  # Every run's report is kept in $REPORTS.all (one JSON line each, in run order) for a later look.
  if [ -s "$REPORTS" ]; then tail -1 "$REPORTS" | tee -a "$REPORTS.all"; else echo "{}"; fi
  rm -rf "$PROFILE"
  PROFILE=""
}

# The median of a field of the reports on stdin (one JSON object a line).
field_median() { # FIELD
  python3 -c '
import json, statistics, sys
v = [json.loads(l).get(sys.argv[1]) for l in sys.stdin if l.strip()]
v = [x for x in v if isinstance(x, (int, float))]
print(statistics.median(v) if v else "n/a")' "$1"
}

ROWS=()
SIZE_ROWS=()
for n in "${SIZES[@]}"; do
  for mix in "${MIXES[@]}"; do
    library_for "$n" "$mix" || { SIZE_ROWS+=("| $mix | $n | not run: no library (see the log) |||||"); continue; }
    lib="$LIB"
    if [ -n "$GIVEN_SITE" ]; then
      site="$GIVEN_SITE"
      build_s="not timed (BENCH_SITE)"
      log "using the site $site (BENCH_SITE)"
    else
      site="$BENCH_DIR/search-site-$mix-$n"
      rm -rf "$site"
      log "building $site"
      start=$(date +%s%N)
      java ${BUILD_JOPTS[@]+"${BUILD_JOPTS[@]}"} -jar "$JAR" build --source "$lib" --out "$site" --quiet
      build_s=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN {printf "%.1f", (b - a) / 1e9}')
    fi
    markdown=$(find -L "$lib" -path "$lib/_site" -prune -o -type f -name '*.md' -printf '%s\n' | awk '{s += $1} END {print s + 0}')
    search_bytes=$(find "$site/assets/search" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')
    search_files=$(find "$site/assets/search" -type f | wc -l | tr -d ' ')
    index_bytes=$(find "$site/assets/search" -type f \( -name 'fields-*' -o -name 'body-*' \) -printf '%s\n' | awk '{s += $1} END {print s + 0}')
    text_bytes=$(find "$site/assets/search" -type f -name 'text-*' -printf '%s\n' | awk '{s += $1} END {print s + 0}')
    if [ "$LIB_WRITEUPS" -gt "$TIMED_MAX" ]; then
      SIZE_ROWS+=("| $mix | $LIB_WRITEUPS | $build_s | $(mb "$markdown") | $(mb "$search_bytes") in $search_files files (index $(mb "$index_bytes"), texts $(mb "$text_bytes")) | not run |")
      # No browser at this size: the bytes each query costs, from the files the engine loads for it.
      IFS='|' read -r -a qs <<<"$QUERIES"
      for q in "${qs[@]}"; do
        bytes=$(node "$ROOT/bench/search-bytes.js" "$(lunr_js)" "$site" "$q" | python3 -c 'import json, sys; print(json.loads(sys.stdin.read())["bytes"])')
        ROWS+=("| $mix | $LIB_WRITEUPS | \"$q\" | casebook (no browser: bench/search-bytes.js) | $(kb "$bytes") | | | | |")
      done
      continue
    fi

    engines=(casebook)
    if [ "$WITH_PAGEFIND" -eq 1 ]; then
      engines+=(pagefind)
      log "indexing $site with Pagefind"
      pf_start=$(date +%s%N)
      "$PAGEFIND" --site "$site" --glob '{incidents,design}/**/*.html' >/dev/null
      pf_s=$(awk -v a="$pf_start" -v b="$(date +%s%N)" 'BEGIN {printf "%.1f", (b - a) / 1e9}')
      pf_bytes=$(find "$site/pagefind" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')
      pf_files=$(find "$site/pagefind" -type f | wc -l | tr -d ' ')
      pf_cell="$(mb "$pf_bytes") in $pf_files files ($pf_s s)"
    else
      pf_cell="not run (BENCH_PAGEFIND=0)"
    fi
    SIZE_ROWS+=("| $mix | $LIB_WRITEUPS | $build_s | $(mb "$markdown") | $(mb "$search_bytes") in $search_files files (index $(mb "$index_bytes"), texts $(mb "$text_bytes")) | $pf_cell |")
    cp "$ROOT/bench/search-timing.html" "$ROOT/bench/pagefind-search.html" "$site/"

    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    REPORTS="$site.reports"
    : >"$REPORTS.all"
    python3 "$ROOT/bench/gzip-server.py" "$site" "$port" "$REPORTS" &
    SERVER_PID=$!
    for _ in $(seq 50); do python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break; sleep 0.1; done

    IFS='|' read -r -a qs <<<"$QUERIES"
    for q in "${qs[@]}"; do
      for engine in "${engines[@]}"; do
        reports=""
        for _ in $(seq "$RUNS"); do
          r=$(measure "http://127.0.0.1:$port/search-timing.html#engine=$engine&q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$q")")
          reports+="$r"$'\n'
        done
        log "$mix N=$n $engine \"$q\": $(printf '%s' "$reports" | python3 -c '
import json, sys
for l in sys.stdin:
    if l.strip():
        r = json.loads(l); print(r.get("ms"), "ms", r.get("servedBytes"), "B", len(r.get("served", [])), "files;", end=" ")')"
        ms=$(printf '%s' "$reports" | field_median ms)
        served=$(printf '%s' "$reports" | field_median servedBytes)
        transfer=$(printf '%s' "$reports" | field_median firstTransfer)
        count=$(printf '%s' "$reports" | python3 -c '
import json, statistics, sys
v = [len(json.loads(l).get("served", [])) for l in sys.stdin if l.strip()]
print(statistics.median(v) if v else "n/a")')
        settled=$(printf '%s' "$reports" | field_median servedSettledBytes)
        ROWS+=("| $mix | $LIB_WRITEUPS | \"$q\" | $engine | $(kb "$served") | $(kb "$transfer") | $count | $ms | $(kb "$settled") |")
      done
    done
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  done
done

echo
echo "Machine: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) · $("$CHROMIUM" --version 2>/dev/null | head -1) · Pagefind $PAGEFIND_VERSION · median of $RUNS"
echo
echo "| Mix | Write-ups | Query | Engine | Sent until the first result (gzip) | Resource Timing transferSize | Files | Keystroke to first result (ms) | Sent once settled |"
echo "|---|---:|---|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
echo
echo "| Mix | Write-ups | Build (s) | Markdown | Casebook search files | Pagefind files (indexing time) |"
echo "|---|---:|---:|---:|---|---|"
printf '%s\n' "${SIZE_ROWS[@]}"
