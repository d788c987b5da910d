#!/usr/bin/env bash
# Build benchmark: times `casebook build` on libraries of N write-ups, for every mix of library.
#
#   bash bench/build-bench.sh [N ...]        (default: 1000 10000)
#
# Environment:
#   BENCH_MIXES the mixes to run, in order (default: uniform wide linked real; see bench/library.sh)
#   BENCH_REAL  the converted library of public postmortems, for the real mix (default: /tmp/real-postmortems)
#   JAVA_OPTS   JVM options for the build, e.g. "-Xmx1g" (default: none)
#   BENCH_DIR   where generated libraries and build output go (default: /tmp/casebook-bench)
#   BENCH_SEED  generator seed (default: 42)
#   BENCH_RUNS  measured runs per size, after one warm-up run (default: 3)
#   BENCH_WARMUP 0 to skip the warm-up run (default: 1), for sizes where one build takes minutes
#   BENCH_JAR   the jar to benchmark (default: target/casebook.jar, built if missing)
#
# See bench/README.md for how to read the output.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_DIR="${BENCH_DIR:-/tmp/casebook-bench}"
SEED="${BENCH_SEED:-42}"
RUNS="${BENCH_RUNS:-3}"
WARMUP="${BENCH_WARMUP:-1}"
JAVA_OPTS="${JAVA_OPTS:-}"
JAR="${BENCH_JAR:-$ROOT/target/casebook.jar}"

die() { echo "build-bench: $*" >&2; exit 1; }
log() { echo "build-bench: $*" >&2; }

if [ "$#" -eq 0 ]; then SIZES=(1000 10000); else SIZES=("$@"); fi
for n in "${SIZES[@]}"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer, got '$n'"
done
[[ "$SEED" =~ ^-?[0-9]+$ ]] || die "BENCH_SEED must be an integer, got '$SEED'"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer, got '$RUNS'"
[[ "$WARMUP" =~ ^[01]$ ]] || die "BENCH_WARMUP must be 0 or 1, got '$WARMUP'"

command -v java >/dev/null || die "java is not on the PATH (Java 17 or later is needed)"

# --- GNU time, for peak RSS ---------------------------------------------------
TIME_BIN=/usr/bin/time
if [ ! -x "$TIME_BIN" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    log "installing GNU time (apt-get install -y time)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q time >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q time >/dev/null; } \
      || die "could not install GNU time with apt-get"
  else
    die "GNU time is needed at $TIME_BIN to measure peak memory; install it (Debian/Ubuntu: sudo apt-get install time) and run again"
  fi
fi
"$TIME_BIN" -f '%M' -o /dev/null true 2>/dev/null \
  || die "$TIME_BIN is not GNU time (it does not accept -f/-o); install GNU time"

# --- the jar ------------------------------------------------------------------
if [ ! -f "$JAR" ]; then
  [ -z "${BENCH_JAR:-}" ] || die "BENCH_JAR=$BENCH_JAR does not exist"
  command -v mvn >/dev/null || die "$JAR is missing and mvn is not on the PATH to build it"
  log "building $JAR (mvn -q -B package -DskipTests)"
  mvn -q -B package -DskipTests
  [ -f "$JAR" ] || die "mvn package did not produce $JAR"
fi

read -r -a JOPTS <<<"$JAVA_OPTS"
casebook() { java ${JOPTS[@]+"${JOPTS[@]}"} -jar "$JAR" "$@"; }

QUIET=()
build_help="$(casebook build --help 2>&1 || true)"
if grep -q -- '--quiet' <<<"$build_help"; then
  QUIET=(--quiet)
else
  log "'build --help' does not list --quiet; running builds without it"
fi

mkdir -p "$BENCH_DIR"
BENCH_DIR="$(cd "$BENCH_DIR" && pwd)"

# Libraries are cached per size, mix, seed and generator version.
# shellcheck source=bench/library.sh
source "$ROOT/bench/library.sh"
MIXES=()
while read -r mix; do MIXES+=("$mix"); done < <(mix_list)
[ "${#MIXES[@]}" -gt 0 ] || die "no mix to run (BENCH_MIXES)"

# One build; prints "<wall seconds> <peak RSS KB>".
timed_build() {
  local lib="$1" out="$2" logfile="$3" tfile="$BENCH_DIR/time.$$"
  rm -rf "$out"
  if ! "$TIME_BIN" -f '%e %M' -o "$tfile" java ${JOPTS[@]+"${JOPTS[@]}"} -jar "$JAR" build \
        --source "$lib" --out "$out" ${QUIET[@]+"${QUIET[@]}"} >"$logfile" 2>&1; then
    echo "build-bench: build failed for $lib; last lines of $logfile:" >&2
    tail -n 20 "$logfile" >&2
    rm -f "$tfile"
    return 1
  fi
  tail -n 1 "$tfile"
  rm -f "$tfile"
}

ROWS=()
for n in "${SIZES[@]}"; do
  for mix in "${MIXES[@]}"; do
    if ! library_for "$n" "$mix"; then
      ROWS+=("| $mix | $n | not run: no library (see the log) | | | | | | | |")
      continue
    fi
    lib="$LIB"
    out="$BENCH_DIR/out-$mix-$n"
    lib_mb="$(du -sb "$lib" | awk '{ printf "%.1f", $1 / 1048576 }')"

    failed="| $mix | $LIB_WRITEUPS | $lib_mb | the build failed: see the log | | | | | | |"
    if [ "$WARMUP" -eq 1 ]; then
      log "$mix N=$n: warm-up run"
      timed_build "$lib" "$out" "$BENCH_DIR/build-$mix-$n-warmup.log" >/dev/null || { ROWS+=("$failed"); continue; }
    fi

    walls=(); rss_max=0
    for ((i = 1; i <= RUNS; i++)); do
      res="$(timed_build "$lib" "$out" "$BENCH_DIR/build-$mix-$n-run$i.log")" || { ROWS+=("$failed"); continue 2; }
      read -r wall rss <<<"$res"
      [[ "$wall" =~ ^[0-9.]+$ && "$rss" =~ ^[0-9]+$ ]] || die "could not read GNU time output: '$res'"
      log "$mix N=$n: run $i: ${wall}s, peak RSS $((rss / 1024)) MB"
      walls+=("$wall")
      if (( rss > rss_max )); then rss_max=$rss; fi
    done

    out_files=0; html_pages=0; out_mb=0
    if [ -d "$out" ]; then
      out_files="$(find "$out" -type f | wc -l | tr -d ' ')"
      html_pages="$(find "$out" -type f -name '*.html' | wc -l | tr -d ' ')"
      out_mb="$(du -sb "$out" | awk '{ printf "%.1f", $1 / 1048576 }')"
    fi
    if [ "$out_files" -eq 0 ]; then
      log "warning: the build wrote no files to $out; the figures for $mix N=$n are not meaningful"
    fi
    med="$(printf '%s\n' "${walls[@]}" | median)"
    runs_txt="$(printf '%s / ' "${walls[@]}")"; runs_txt="${runs_txt% / }"
    ROWS+=("$(awk -v mix="$mix" -v n="$LIB_WRITEUPS" -v mb="$lib_mb" -v med="$med" -v runs="$runs_txt" -v rss="$rss_max" \
                  -v files="$out_files" -v html="$html_pages" -v omb="$out_mb" 'BEGIN {
        pps = (med > 0) ? n / med : 0
        printf "| %s | %d | %s | %.2f | %s | %.0f | %.0f | %s | %d | %d |", mix, n, mb, med, runs, pps, rss / 1024, omb, html, files
      }')")
  done
done

# --- report -------------------------------------------------------------------
cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
cpu="${cpu:-$(uname -m)}"
mem_gb="$(awk '/^MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo '?')"
os="$(. /etc/os-release 2>/dev/null && echo "${PRETTY_NAME:-}")"; os="${os:-$(uname -s)}"
java_ver="$(java -version 2>&1 | head -n 1)"

echo
echo "### Build benchmark ($(date -u +%Y-%m-%d))"
echo
echo "- Machine: ${cpu}, $(nproc) CPUs, ${mem_gb} GB RAM, ${os} ($(uname -r))"
echo "- Java: ${java_ver}; JAVA_OPTS: ${JAVA_OPTS:-(none)}"
echo "- Command: \`java -jar target/casebook.jar build --source LIB --out OUT${QUIET[*]:+ ${QUIET[*]}}\`, full build into an empty folder"
echo "- Libraries: the mixes of bench/library.sh (bench/GenerateLibrary.java, seed ${SEED}; real: ${BENCH_REAL}); $([ "$WARMUP" -eq 1 ] && echo "1 warm-up run, then ")${RUNS} measured runs"
echo
echo "| Mix | Write-ups | Library (MB) | Median wall (s) | Runs (s) | Write-ups/s | Peak RSS (MB) | Site (MB) | HTML pages | Output files |"
echo "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
