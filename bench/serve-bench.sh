#!/usr/bin/env bash
# Serve benchmark: how soon an edited write-up is reloaded under `casebook serve`.
#
#   bash bench/serve-bench.sh [N [MIX]]        (default: 10000 uniform)
#
# Generates (or reuses) the library of N write-ups of mix MIX (uniform, wide, linked or real; see
# bench/library.sh) that build-bench.sh uses, copies it (the
# benchmark edits write-ups), starts `bin/casebook serve` on it and measures, for 20 body edits
# and 20 title edits, the time from saving the file to the page's "reload" event and to the
# reloaded page (see bench/ServeBench.java). Then, as the anchor in the same run, it starts `hugo
# server` on a copy of the same write-ups in bench/hugo's layout and makes the same edits of the
# same files (see bench/ServeBench.java, --hugo).
#
# Environment: BENCH_DIR (default /tmp/casebook-bench), BENCH_REAL (the real mix's library), BENCH_SEED (42), BENCH_EDITS (20),
# BENCH_PORT (4077), CASEBOOK_JAVA_OPTS (the JVM options of bin/casebook serve), HUGO (the hugo
# binary; default: hugo on the PATH, which the run needs: apt-get install hugo).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
N="${1:-10000}"
MIX="${2:-uniform}"
BENCH_DIR="${BENCH_DIR:-/tmp/casebook-bench}"
SEED="${BENCH_SEED:-42}"
EDITS="${BENCH_EDITS:-20}"
PORT="${BENCH_PORT:-4077}"
[[ "$N" =~ ^[1-9][0-9]*$ ]] || { echo "serve-bench: N must be a positive integer, got '$N'" >&2; exit 2; }
HUGO="${HUGO:-$(command -v hugo || true)}"
[ -n "$HUGO" ] && [ -x "$HUGO" ] || { echo "serve-bench: hugo not found (the anchor): apt-get install hugo, or set HUGO" >&2; exit 2; }

if [ ! -f target/casebook.jar ]; then
  echo "serve-bench: building target/casebook.jar" >&2
  mvn -q -B package -DskipTests
fi

mkdir -p "$BENCH_DIR"
BENCH_DIR="$(cd "$BENCH_DIR" && pwd)"
# shellcheck source=bench/library.sh
source bench/library.sh
library_for "$N" "$MIX" || exit 1

WORK="$BENCH_DIR/serve-$MIX-$N"
rm -rf "$WORK"
mkdir -p "$WORK"
cp -r "$LIB" "$WORK/library"
trap 'rm -rf "$WORK"' EXIT

echo "serve-bench: $LIB_WRITEUPS write-ups ($MIX mix), $EDITS edits of each kind, CPUs: $(nproc)" >&2
java bench/ServeBench.java "$ROOT/bin/casebook" "$WORK/library" "$WORK/site" "$PORT" "$EDITS"

# The anchor: the same write-ups and design documents as Hugo content (as bench/hugo-bench.sh makes
# them), the same edits.
mkdir -p "$WORK/hugo/content"
cp -r bench/hugo/hugo.toml bench/hugo/layouts "$WORK/hugo/"
cp -r "$LIB/incidents" "$WORK/hugo/content/incidents"
if [ -d "$LIB/design" ]; then
  cp -r "$LIB/design" "$WORK/hugo/content/design"
  find "$WORK/hugo/content/design" -iname 'readme.md' -delete
fi
find "$WORK/hugo/content" -name '[._]*' -prune -exec rm -rf {} +
echo "serve-bench: hugo $("$HUGO" version | awk '{print $2}'), the same $EDITS edits of each kind" >&2
java bench/ServeBench.java --hugo "$HUGO" "$WORK/hugo" "$((PORT + 1))" "$EDITS"
