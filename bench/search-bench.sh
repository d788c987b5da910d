#!/usr/bin/env bash
# Search benchmark: what the search page downloads before its first results, and how fast they
# show, on synthetic libraries of N write-ups, in headless Chromium.
#
#   bash bench/search-bench.sh [N ...]        (default: 1000 10000)
#
# Environment:
#   BENCH_DIR    generated libraries and built sites (default: /tmp/casebook-bench)
#   BENCH_MIXES  the mixes of library to run (default: uniform; see bench/library.sh)
#   BENCH_REAL   the converted library of public postmortems, for the real mix (default: /tmp/real-postmortems)
#   BENCH_SEED   generator seed (default: 42)
#   BENCH_RUNS   page loads per measurement, the median is reported (default: 3)
#   BENCH_QUERY  the query typed (default: failover)
#   BENCH_JAR    the jar (default: target/casebook.jar, built if missing)
#   CHROMIUM     the browser (default: chromium on the PATH)
#
# See bench/README.md ("Search benchmark") for what is measured.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_DIR="${BENCH_DIR:-/tmp/casebook-bench}"
SEED="${BENCH_SEED:-42}"
RUNS="${BENCH_RUNS:-3}"
QUERY="${BENCH_QUERY:-failover}"
JAR="${BENCH_JAR:-$ROOT/target/casebook.jar}"
CHROMIUM="${CHROMIUM:-$(command -v chromium || true)}"

die() { echo "search-bench: $*" >&2; exit 1; }
log() { echo "search-bench: $*" >&2; }

if [ "$#" -eq 0 ]; then SIZES=(1000 10000); else SIZES=("$@"); fi
for n in "${SIZES[@]}"; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer, got '$n'"; done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer, got '$RUNS'"
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
# shellcheck source=bench/library.sh
source "$ROOT/bench/library.sh"
MIXES=()
while read -r mix; do MIXES+=("$mix"); done < <(BENCH_MIXES="${BENCH_MIXES:-uniform}" mix_list)
[ "${#MIXES[@]}" -gt 0 ] || die "no mix to run (BENCH_MIXES)"
PROFILE="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$PROFILE"
}
trap cleanup EXIT

gz() { gzip -9 -c "$1" | wc -c; }

chromium_dom() { # URL [virtual time budget in ms, 0 for none]
  local extra=()
  if [ "${2:-0}" != 0 ]; then extra=(--virtual-time-budget="$2"); fi
  timeout 300 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --disable-quic \
    --user-data-dir="$PROFILE" ${extra[@]+"${extra[@]}"} --dump-dom "$1" 2>/dev/null
}

attr() { # NAME < html
  grep -o "$1=\"[0-9.]*\"" | head -1 | sed 's/.*="\(.*\)"/\1/'
}

ROWS=()
for n in "${SIZES[@]}"; do
  for mix in "${MIXES[@]}"; do
    library_for "$n" "$mix" || { ROWS+=("| $mix | $n | not run: no library (see the log) ||||||||||||"); continue; }
    lib="$LIB"
    site="$BENCH_DIR/search-site-$mix-$n"
    rm -rf "$site"
    log "building $site"
    start=$(date +%s%N)
    java -jar "$JAR" build --source "$lib" --out "$site" --quiet
    build_s=$(awk -v a="$start" -v b="$(date +%s%N)" 'BEGIN {printf "%.1f", (b - a) / 1e9}')

    # What the search page loads before its first results: the page, its stylesheets and scripts
    # (lunr.min.js and the first index among them). The shards are loaded only after.
    page="$site/search/index.html"
    first_files=("$page")
    while read -r ref; do
      first_files+=("$(cd "$site/search" && realpath -m "$ref")")
    done < <(grep -oE '(<script[^>]* src|<link[^>]*rel="stylesheet"[^>]* href)="[^"]+"' "$page" | sed -E 's/.*="([^"]+)"$/\1/' | grep -v '^https\?:')
    first_raw=0; first_gz=0; index_gz=0
    for f in "${first_files[@]}"; do
      [ -f "$f" ] || die "the search page refers to $f, which is not in the site"
      first_raw=$((first_raw + $(wc -c <"$f")))
      first_gz=$((first_gz + $(gz "$f")))
    done
    index_gz=$(gz "$site/assets/search/index.js")
    shards=0; shard_raw=0; shard_gz=0; shard_max_gz=0
    for f in "$site"/assets/search/body-*.js; do
      [ -f "$f" ] || continue
      g=$(gz "$f")
      shards=$((shards + 1)); shard_raw=$((shard_raw + $(wc -c <"$f"))); shard_gz=$((shard_gz + g))
      [ "$g" -gt "$shard_max_gz" ] && shard_max_gz=$g
    done

    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" >/dev/null 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 50); do python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break; sleep 0.1; done
    url="http://127.0.0.1:$port/search/?q=$QUERY"

    # 1. Real time: --dump-dom without a virtual time budget dumps the page at its load event;
    #    search.js shows the first results from the first index before that (deferred scripts).
    first_real=(); search_real=()
    for _ in $(seq "$RUNS"); do
      dom=$(chromium_dom "$url" 0)
      v=$(attr data-first-results-ms <<<"$dom"); first_real+=("${v:-n/a}")
      v=$(attr data-first-search-ms <<<"$dom"); search_real+=("${v:-n/a}")
    done
    # 2. Virtual time: the page runs until every shard is loaded and searched; the times are
    #    Chromium's virtual clock, which runs at real speed while scripts run and skips idle waits.
    first_virtual=(); full_virtual=(); found=()
    for _ in $(seq "$RUNS"); do
      dom=$(chromium_dom "$url" 600000)
      first_virtual+=("$(attr data-first-results-ms <<<"$dom")")
      full_virtual+=("$(attr data-full-results-ms <<<"$dom")")
      found+=("$(grep -o 'data-search-count[^>]*>[^<]*' <<<"$dom" | sed 's/.*>//')")
    done
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""

    m_first_real=$(printf '%s\n' "${first_real[@]}" | grep -v n/a | median)
    m_search_real=$(printf '%s\n' "${search_real[@]}" | grep -v n/a | median)
    m_first_virtual=$(printf '%s\n' "${first_virtual[@]}" | grep . | median)
    m_full=$(printf '%s\n' "${full_virtual[@]}" | grep . | median)
    log "$mix N=$n: first results (real) ${first_real[*]} ms, of which the search ${search_real[*]} ms; (virtual) ${first_virtual[*]} ms; all shards ${full_virtual[*]} ms; ${found[0]}"
    ROWS+=("| $mix | $LIB_WRITEUPS | $build_s | $(numfmt --to=si "$first_raw")B | $(awk -v b="$first_gz" 'BEGIN {printf "%.2f MB", b/1e6}') | $(awk -v b="$index_gz" 'BEGIN {printf "%.2f MB", b/1e6}') | $m_first_real | $m_search_real | $m_first_virtual | $shards | $(awk -v b="$shard_raw" 'BEGIN {printf "%.1f MB", b/1e6}') | $(awk -v b="$shard_gz" -v m="$shard_max_gz" 'BEGIN {printf "%.1f MB (max %.0f KB)", b/1e6, m/1e3}') | $m_full | ${found[0]} |")
  done
done

echo
echo "Machine: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //'), $(nproc) CPUs · $("$CHROMIUM" --version 2>/dev/null | head -1) · query \"$QUERY\" · median of $RUNS"
echo
echo "| Mix | Write-ups | Build (s) | Before first results | gzipped | of which index.js | First results since page start, real (ms) | Query to results, real (ms) | First results, virtual (ms) | Shards | Shards | gzipped | All shards searched (ms) | Result count |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
printf '%s\n' "${ROWS[@]}"
