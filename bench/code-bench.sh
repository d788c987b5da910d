#!/usr/bin/env bash
# Code benchmark: times `casebook build` and `casebook check` on a library of N write-ups with a
# code repository of FILES files that cites them, and times the build of the same library without
# the repository.
#
#   bash bench/code-bench.sh [N] [FILES]        (default: 10000 100000)
#
# Environment: JAVA_OPTS, BENCH_DIR, BENCH_SEED, BENCH_RUNS, BENCH_JAR as for build-bench.sh.
# Needs git on the PATH. See bench/README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
N="${1:-10000}"
FILES="${2:-100000}"
BENCH_DIR="${BENCH_DIR:-/tmp/casebook-bench}"
SEED="${BENCH_SEED:-42}"
RUNS="${BENCH_RUNS:-3}"
JAR="${BENCH_JAR:-$ROOT/target/casebook.jar}"
read -r -a JOPTS <<<"${JAVA_OPTS:-}"

log() { echo "code-bench: $*" >&2; }
command -v git >/dev/null || { log "git is needed"; exit 1; }
[ -f "$JAR" ] || mvn -q -B package -DskipTests

GEN_HASH="$(cat bench/GenerateLibrary.java bench/GenerateCodeTree.java | sha256sum | cut -c1-10)"
LIB="$BENCH_DIR/code-lib-$N-$FILES-seed$SEED-$GEN_HASH"
mkdir -p "$BENCH_DIR"
if [ ! -f "$LIB/code/.git/HEAD" ]; then
  rm -rf "$LIB"
  log "generating $N write-ups into $LIB"
  java bench/GenerateLibrary.java "$N" "$LIB" "$SEED" >&2
  cp -r "$LIB" "$LIB-plain"
  log "generating $FILES code files into $LIB/code"
  java bench/GenerateCodeTree.java "$FILES" "$LIB" "$SEED" >&2
  log "committing the code tree"
  ( cd "$LIB/code" && git init -q -b main && git add -A && \
    git -c user.name=bench -c user.email=bench@example.com commit -q -m "generated code" && git gc -q )
else
  log "using cached library $LIB"
fi

run() { # label, command... -> prints the median wall time and the last run's stage line
  local label="$1"; shift
  local walls=()
  "$@" >/dev/null 2>&1 || true   # warm-up
  for ((i = 1; i <= RUNS; i++)); do
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >"$BENCH_DIR/code-bench.log" 2>&1 || { tail -n 20 "$BENCH_DIR/code-bench.log" >&2; exit 1; }
    t1=$(date +%s.%N)
    walls+=("$(echo "$t1 - $t0" | bc)")
  done
  local median
  median="$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
  printf '| %s | %.1f s | %s |\n' "$label" "$median" "$(grep -E '^(Built|Checked)' "$BENCH_DIR/code-bench.log" | tail -n 1)"
}

casebook() { java ${JOPTS[@]+"${JOPTS[@]}"} -jar "$JAR" "$@"; }

# The scan alone: one write-up, and the same checkout with nothing to check but its comments. Its
# id pattern (three digits) shares the literal start INC- with the code's ids (five digits), so
# every file is read and every file that mentions an id is lexed, but nothing is reported.
SCAN_LIB="$BENCH_DIR/code-scan-only-$FILES-$GEN_HASH"
rm -rf "$SCAN_LIB"
mkdir -p "$SCAN_LIB/incidents"
printf -- "---\nid: INC-2024-001\ntitle: One write-up\ndate: 2024-01-01\n---\n\nBody.\n" >"$SCAN_LIB/incidents/INC-2024-001.md"
printf "id_pattern: 'INC-\\\\d{4}-\\\\d{3}'\ncode:\n  - {name: services, url: 'https://github.com/acme/services', path: '%s', scan: true}\n" \
  "$LIB/code" >"$SCAN_LIB/casebook.yml"
echo "Machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo); $(java -version 2>&1 | head -n 1); JAVA_OPTS: ${JAVA_OPTS:-none}"
echo "Code tree: $(cd "$LIB/code" && git ls-files | wc -l) tracked files, $(du -sm "$LIB/code" --exclude=.git | cut -f1) MB"
echo
echo "| run | median wall | stages of the last run |"
echo "|---|---:|---|"
run "build, $N write-ups, no code repository" casebook build --source "$LIB-plain" --out "$BENCH_DIR/code-out-plain"
run "build, $N write-ups + $FILES code files" casebook build --source "$LIB" --out "$BENCH_DIR/code-out"
run "check, $N write-ups + $FILES code files" casebook check --source "$LIB"
run "build, 1 write-up + $FILES code files (the scan alone)" casebook build --source "$SCAN_LIB" --out "$BENCH_DIR/code-out-scan"
