# Sourced by the benchmark scripts: the generated libraries they share, and a median.
#
#   median          prints the median of the numbers on stdin (n/a when there are none)
#   library_for N   sets LIB to $BENCH_DIR/lib-N-seedSEED-HASH, generating it with
#                   bench/GenerateLibrary.java the first time (HASH is taken from the
#                   generator's source, so a changed generator makes a fresh library)
#
# Needs BENCH_DIR (an absolute path) and SEED; progress goes to stderr.

GENERATOR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/GenerateLibrary.java"
GEN_HASH="$(sha256sum "$GENERATOR" | cut -c1-10)"

library_for() {
  local lib="$BENCH_DIR/lib-$1-seed$SEED-$GEN_HASH"
  if [ ! -f "$lib/casebook.yml" ]; then
    echo "generating $1 write-ups into $lib" >&2
    rm -rf "$lib.tmp.$$"
    java "$GENERATOR" "$1" "$lib.tmp.$$" "$SEED" >&2 || { rm -rf "$lib.tmp.$$"; return 1; }
    mv "$lib.tmp.$$" "$lib"
  else
    echo "using cached library $lib" >&2
  fi
  LIB="$lib"
}

median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
