#!/usr/bin/env bash
# Worst-case benchmark: one write-up with T tags (the limit raised to allow them), and a library
# of W write-ups with 40 tags each, no two alike. Reports the build's wall time and the site's size,
# which must grow linearly: twice the tags, about twice the time and bytes.
#
#   bash bench/tags-bench.sh [T ...]        (default: 1000 2000 10000)
#
# Environment:
#   BENCH_DIR   where the libraries and sites go (default: /tmp/casebook-bench)
#   BENCH_JAR   the jar to benchmark (default: target/casebook.jar, built if missing)
#   JAVA_OPTS   JVM options for the build (default: none)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BENCH_DIR="${BENCH_DIR:-/tmp/casebook-bench}"
JAR="${BENCH_JAR:-$ROOT/target/casebook.jar}"
JAVA_OPTS="${JAVA_OPTS:-}"
if [ "$#" -eq 0 ]; then SIZES=(1000 2000 10000); else SIZES=("$@"); fi
for t in "${SIZES[@]}"; do
  [[ "$t" =~ ^[1-9][0-9]*$ ]] && [ "$t" -le 10000 ] || { echo "tags-bench: T must be 1 to 10000, got '$t'" >&2; exit 1; }
done
[ -f "$JAR" ] || mvn -q -B package -DskipTests
mkdir -p "$BENCH_DIR"

# build LIBRARY: prints "seconds megabytes files" (the size is the sum of the files' sizes)
build() {
  local lib="$1" out="$1-site" start end
  rm -rf "$out"
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$JAR" build --source "$lib" --out "$out" --quiet >"$lib.log" 2>&1 || { cat "$lib.log" >&2; exit 1; }
  end=$(date +%s.%N)
  printf '%.1f %.1f %d\n' "$(echo "$end - $start" | bc)" "$(find "$out" -type f -printf '%s\n' | awk '{s += $1} END {print s / 1048576}')" "$(find "$out" -type f | wc -l)"
}

echo "| Case | Tags | Wall (s) | Site (MB) | Files |"
echo "|---|---:|---:|---:|---:|"
for t in "${SIZES[@]}"; do
  lib="$BENCH_DIR/tags-one-$t"
  rm -rf "$lib"
  mkdir -p "$lib/incidents/2024"
  printf 'limits: {tags: 10000}\n' >"$lib/casebook.yml"
  { printf -- '---\nid: INC-2024-001\ntitle: One write-up with %d tags\ndate: 2024-03-05\ntags:\n' "$t"
    seq 1 "$t" | sed 's/^/  - tag-/'
    printf -- '---\n\nBody.\n'; } >"$lib/incidents/2024/INC-2024-001.md"
  read -r secs mb files < <(build "$lib")
  echo "| one write-up | $t | $secs | $mb | $files |"
done
for t in "${SIZES[@]}"; do
  w=$(( (t + 39) / 40 ))
  lib="$BENCH_DIR/tags-many-$t"
  rm -rf "$lib"
  mkdir -p "$lib/incidents/2024"
  for ((n = 0; n < w; n++)); do
    { printf -- '---\nid: INC-2024-%04d\ntitle: Write-up %d\ndate: 2024-03-05\ntags:\n' "$n" "$n"
      seq $((n * 40)) $((n * 40 + 39)) | sed 's/^/  - tag-/'
      printf -- '---\n\nBody.\n'; } >"$lib/incidents/2024/INC-2024-$(printf %04d "$n").md"
  done
  read -r secs mb files < <(build "$lib")
  echo "| $w write-ups of 40 tags | $((w * 40)) | $secs | $mb | $files |"
done
