#!/usr/bin/env bash
# The build cache in CI: a clean build, then a build with a build cache after one write-up changed,
# on every mix of library, with Hugo's clean build of the same library in the same run.
#
#   bash bench/cache-bench.sh [N ...]        (default: 10000)
#
# For each mix and size: a copy of the library is built once with --cache (filling the cache); then
# one write-up's body gets a paragraph, and that library is built (a) with no cache and (b) with the
# cache, alternating, BENCH_RUNS times each (the edit is made anew before each run, so each cached
# build sees exactly one changed file); Hugo builds the same library in between. The two sites must
# be byte for byte the same (diff -r), or the script fails. Wall time includes the JVM's start.
#
# Environment: BENCH_DIR, BENCH_MIXES, BENCH_REAL, BENCH_SEED as for hugo-bench.sh; BENCH_RUNS
# (default 3); HUGO.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BENCH_DIR="${BENCH_DIR:-/tmp/casebook-bench}"
SEED="${BENCH_SEED:-42}"
RUNS="${BENCH_RUNS:-3}"
HUGO="${HUGO:-$(command -v hugo || true)}"
TIME_BIN=/usr/bin/time
die() { echo "cache-bench: $*" >&2; exit 1; }
log() { echo "cache-bench: $*" >&2; }
if [ "$#" -eq 0 ]; then SIZES=(10000); else SIZES=("$@"); fi
[ -x "$TIME_BIN" ] || die "GNU time is needed at $TIME_BIN (apt-get install time)"
[ -n "$HUGO" ] && [ -x "$HUGO" ] || die "hugo not found: apt-get install hugo, or set HUGO"
[ -f "$ROOT/target/casebook.jar" ] || mvn -q -B package -DskipTests
mkdir -p "$BENCH_DIR"
BENCH_DIR="$(cd "$BENCH_DIR" && pwd)"
# shellcheck source=bench/library.sh
source "$ROOT/bench/library.sh"
MIXES=()
while read -r mix; do MIXES+=("$mix"); done < <(mix_list)

# timed LOG COMMAND... -> "<wall seconds> <peak RSS KB>"
timed() {
  local logfile="$1" tfile="$BENCH_DIR/time.$$"
  shift
  "$TIME_BIN" -f '%e %M' -o "$tfile" "$@" >"$logfile" 2>&1 || { tail -n 20 "$logfile" >&2; die "failed: $*"; }
  tail -n 1 "$tfile"
  rm -f "$tfile"
}
# hugo_site LIB -> the Hugo site of LIB, as hugo-bench.sh makes it (and shares with it)
hugo_site() {
  local lib="$1" site="$BENCH_DIR/hugo-$(basename "$1")"
  if [ ! -f "$site/content/.stamp" ]; then
    rm -rf "$site"
    mkdir -p "$site/content"
    cp -r "$ROOT/bench/hugo/hugo.toml" "$ROOT/bench/hugo/layouts" "$site/"
    cp -r "$lib/incidents" "$site/content/incidents"
    if [ -d "$lib/design" ]; then
      cp -r "$lib/design" "$site/content/design"
      find "$site/content/design" -iname 'readme.md' -delete
    fi
    find "$site/content" -name '[._]*' -prune -exec rm -rf {} +
    touch "$site/content/.stamp"
  fi
  echo "$site"
}

# edit LIB I: the newest write-up's body gets one more paragraph, different on each run
edit() {
  local file
  file=$(find "$1/incidents" -name '*.md' | sort | tail -n 1)
  printf '\nA paragraph added by run %s of the cache benchmark, about the %s replica.\n' "$2" "$2" >>"$file"
}

echo "| mix | write-ups | clean build | with the cache, after one edit | Hugo, clean | cached ÷ clean | cached ÷ Hugo | what the cached build spent |"
echo "|---|---:|---:|---:|---:|---:|---:|---|"
for n in "${SIZES[@]}"; do
  for mix in "${MIXES[@]}"; do
    library_for "$n" "$mix" || { echo "| $mix | $n | (library not available) | | | | | |"; continue; }
    src="$LIB"
    lib="$BENCH_DIR/cache-lib-$mix-$n"
    cache="$BENCH_DIR/cache-$mix-$n"
    rm -rf "$lib" "$cache"
    cp -r "$src" "$lib"
    hugo_src=$(hugo_site "$src")
    log "$mix $n: filling the cache"
    timed "$BENCH_DIR/cache-fill-$mix-$n.log" "$ROOT/bin/casebook" build -q -s "$lib" -o "$BENCH_DIR/cache-site-$mix-$n" --cache "$cache" >/dev/null
    clean=(); cached=(); hugo=()
    for ((i = 1; i <= RUNS; i++)); do
      edit "$lib" "$i"
      rm -rf "$BENCH_DIR/clean-site-$mix-$n"; sync; sleep 2
      clean+=("$(timed "$BENCH_DIR/cache-clean-$mix-$n-$i.log" "$ROOT/bin/casebook" build -s "$lib" -o "$BENCH_DIR/clean-site-$mix-$n" | cut -d' ' -f1)")
      # As in CI, the cached build starts without a site (a fresh checkout); only the cache is kept.
      rm -rf "$BENCH_DIR/cache-site-$mix-$n"; sync; sleep 2
      cached+=("$(timed "$BENCH_DIR/cache-cached-$mix-$n-$i.log" "$ROOT/bin/casebook" build -s "$lib" -o "$BENCH_DIR/cache-site-$mix-$n" --cache "$cache" | cut -d' ' -f1)")
      diff -r -q "$BENCH_DIR/clean-site-$mix-$n" "$BENCH_DIR/cache-site-$mix-$n" >/dev/null || die "$mix $n: the cached site differs from the clean one"
      rm -rf "$BENCH_DIR/hugo-out-$mix-$n"; sync; sleep 2
      hugo+=("$(timed "$BENCH_DIR/cache-hugo-$mix-$n-$i.log" "$HUGO" --quiet -s "$hugo_src" -d "$BENCH_DIR/hugo-out-$mix-$n" | cut -d' ' -f1)")
    done
    c=$(printf '%s\n' "${clean[@]}" | median)
    k=$(printf '%s\n' "${cached[@]}" | median)
    h=$(printf '%s\n' "${hugo[@]}" | median)
    stages=$(grep -o '(load.*)' "$BENCH_DIR/cache-cached-$mix-$n-$RUNS.log" | head -n 1)
    echo "| $mix | $LIB_WRITEUPS | ${c} s | ${k} s | ${h} s | $(awk -v a="$k" -v b="$c" 'BEGIN { printf "%.2f", a / b }') | $(awk -v a="$k" -v b="$h" 'BEGIN { printf "%.2f", a / b }') | $stages |"
  done
done
echo
echo "Machine: $(nproc) CPUs · $(java -version 2>&1 | head -n 1) · median of $RUNS runs · wall time with the JVM's start · one changed write-up per cached build"
