#!/usr/bin/env bash
# Coach benchmark: what the writing coach adds to `casebook check`. Runs `check` on the same
# library twice over, once as generated (every coach rule on, the default) and once with
# `coach: off` appended to its casebook.yml, and reports CPU time (user + sys) and wall time.
#
#   bash bench/coach-bench.sh [N ...]        (default: 1000)
#
# Environment:
#   BENCH_MIXES the mixes to run, in order (default: uniform; see bench/library.sh)
#   BENCH_REAL  the converted library of public postmortems, for the real mix (default: /tmp/real-postmortems)
#   JAVA_OPTS   JVM options for check (default: none)
#   BENCH_DIR   where generated libraries go (default: /tmp/casebook-bench)
#   BENCH_SEED  generator seed (default: 42)
#   BENCH_RUNS  measured runs of each (default: 5), after one warm-up run of each
#   BENCH_JAR   the jar to benchmark (default: target/casebook.jar, built if missing)
#
# Runs alternate (on, off, on, off, ...) so that a change in the machine's load touches both
# alike. The report ends with a Markdown table; see bench/README.md, "Coach benchmark".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BENCH_DIR="${BENCH_DIR:-/tmp/casebook-bench}"
SEED="${BENCH_SEED:-42}"
RUNS="${BENCH_RUNS:-5}"
JAVA_OPTS="${JAVA_OPTS:-}"
JAR="${BENCH_JAR:-$ROOT/target/casebook.jar}"
BENCH_MIXES="${BENCH_MIXES:-uniform}"

die() { echo "coach-bench: $*" >&2; exit 1; }
log() { echo "coach-bench: $*" >&2; }

if [ "$#" -eq 0 ]; then SIZES=(1000); else SIZES=("$@"); fi
for n in "${SIZES[@]}"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer, got '$n'"
done
[[ "$SEED" =~ ^-?[0-9]+$ ]] || die "BENCH_SEED must be an integer, got '$SEED'"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer, got '$RUNS'"
command -v java >/dev/null || die "java is not on the PATH (Java 17 or later is needed)"
TIME_BIN=/usr/bin/time
"$TIME_BIN" -f '%U' -o /dev/null true 2>/dev/null \
  || die "GNU time is needed at $TIME_BIN (Debian/Ubuntu: apt-get install time)"

if [ ! -f "$JAR" ]; then
  [ -z "${BENCH_JAR:-}" ] || die "BENCH_JAR=$BENCH_JAR does not exist"
  log "building $JAR (mvn -q -B package -DskipTests)"
  mvn -q -B package -DskipTests
  [ -f "$JAR" ] || die "mvn package did not produce $JAR"
fi
mkdir -p "$BENCH_DIR"
BENCH_DIR="$(cd "$BENCH_DIR" && pwd)"
# shellcheck source=bench/library.sh
. "$ROOT/bench/library.sh"

# check_once LIB LOG: one `check`; prints "cpu wall hints" (CPU = user + sys, seconds)
check_once() {
  local lib="$1" log="$2" times="$2.time" status=0
  # shellcheck disable=SC2086
  "$TIME_BIN" -f '%U %S %e' -o "$times" java $JAVA_OPTS -jar "$JAR" check --source "$lib" >"$log" 2>&1 || status=$?
  [ "$status" -le 1 ] || die "check failed on $lib (exit $status); see $log"
  local hints
  hints="$(grep -c ': hint: ' "$log" || true)"
  awk -v h="$hints" 'END { printf "%.2f %.2f %s\n", $1 + $2, $3, h }' "$times"
}

rows=()
for mix in $(mix_list); do
  for n in "${SIZES[@]}"; do
    library_for "$n" "$mix" || continue
    on="$LIB"
    off="$BENCH_DIR/coach-off-$(basename "$LIB")"
    if [ ! -f "$off/casebook.yml" ] || [ "$on/casebook.yml" -nt "$off/casebook.yml" ]; then
      log "copying $on to $off with coach: off"
      rm -rf "$off" && cp -r "$on" "$off"
      printf '\ncoach: off\n' >>"$off/casebook.yml"
    fi
    log "$mix $n: warm-up"
    check_once "$on" "$BENCH_DIR/coach-on-$mix-$n.log" >/dev/null
    check_once "$off" "$BENCH_DIR/coach-off-$mix-$n.log" >/dev/null
    on_cpu=(); on_wall=(); off_cpu=(); off_wall=()
    for run in $(seq "$RUNS"); do
      read -r c w hints < <(check_once "$on" "$BENCH_DIR/coach-on-$mix-$n.log")
      on_cpu+=("$c"); on_wall+=("$w")
      read -r c2 w2 _ < <(check_once "$off" "$BENCH_DIR/coach-off-$mix-$n.log")
      off_cpu+=("$c2"); off_wall+=("$w2")
      log "$mix $n run $run: on cpu $c s wall $w s ($hints hints); off cpu $c2 s wall $w2 s"
    done
    m_on_cpu="$(printf '%s\n' "${on_cpu[@]}" | median)"
    m_off_cpu="$(printf '%s\n' "${off_cpu[@]}" | median)"
    m_on_wall="$(printf '%s\n' "${on_wall[@]}" | median)"
    m_off_wall="$(printf '%s\n' "${off_wall[@]}" | median)"
    added="$(awk -v a="$m_on_cpu" -v b="$m_off_cpu" 'BEGIN { printf "%+.0f%%", (a - b) / b * 100 }')"
    rows+=("| $mix | $LIB_WRITEUPS | $hints | $m_off_cpu | $m_on_cpu | $added | $m_off_wall | $m_on_wall | ${off_cpu[*]} / ${on_cpu[*]} |")
  done
done

echo
echo "Machine: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ //'), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Java: $(java -version 2>&1 | head -1); JAVA_OPTS: ${JAVA_OPTS:-none}; runs: $RUNS of each"
echo
echo "| Mix | Write-ups | Hints | CPU off (s) | CPU on (s) | Coach adds (CPU) | Wall off (s) | Wall on (s) | CPU runs off / on (s) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
printf '%s\n' "${rows[@]}"
