# Sourced by the benchmark scripts: the libraries they share (one per size and mix), and a median.
#
#   median              prints the median of the numbers on stdin (n/a when there are none)
#   library_for N [MIX] sets LIB to the library of N write-ups of mix MIX (default uniform) and
#                       LIB_WRITEUPS to the number of write-ups it really has (see "real" below).
#                       Returns 1, with a message, when the mix cannot be had (no real library).
#   mix_list            prints the mixes asked for: BENCH_MIXES, or all of them
#
# Mixes (see bench/README.md, "Mixes"):
#   uniform, wide, linked  written by bench/GenerateLibrary.java --mix MIX into
#                          $BENCH_DIR/lib-MIX-N-seedSEED-HASH the first time (HASH is taken from the
#                          generator's source, so a changed generator makes a fresh library)
#   real                   the library of public postmortems at $BENCH_REAL (default
#                          /tmp/real-postmortems, converted by bench/corpus/), copied into
#                          $BENCH_DIR/lib-real-N-HASH (HASH from its files). It is never cut down: for
#                          N at or below its own size it is measured whole; above, it is copied whole
#                          with renamed ids by bench/ReplicateLibrary.java up to the next multiple of
#                          its size, so LIB_WRITEUPS may differ from N.
#
# Needs BENCH_DIR (an absolute path) and SEED; progress goes to stderr.

BENCH_SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
GENERATOR="$BENCH_SRC/GenerateLibrary.java"
REPLICATOR="$BENCH_SRC/ReplicateLibrary.java"
GEN_HASH="$(sha256sum "$GENERATOR" | cut -c1-10)"
BENCH_REAL="${BENCH_REAL:-/tmp/real-postmortems}"
ALL_MIXES="uniform wide linked real"

mix_list() {
  local mix
  for mix in ${BENCH_MIXES:-$ALL_MIXES}; do
    case " $ALL_MIXES " in
      *" $mix "*) echo "$mix" ;;
      *) echo "unknown mix '$mix' in BENCH_MIXES (mixes: $ALL_MIXES)" >&2; return 1 ;;
    esac
  done
}

# count_writeups DIR: the .md files under DIR/incidents, leaving out names that start with . or _
count_writeups() {
  find "$1/incidents" -name '[._]*' -prune -o -type f -name '*.md' -print | wc -l | tr -d ' '
}

library_for() {
  local n="$1" mix="${2:-uniform}" lib
  case "$mix" in
    uniform|wide|linked)
      lib="$BENCH_DIR/lib-$mix-$n-seed$SEED-$GEN_HASH"
      if [ ! -f "$lib/casebook.yml" ]; then
        echo "generating $n write-ups of the $mix mix into $lib" >&2
        rm -rf "$lib.tmp.$$"
        java "$GENERATOR" "$n" "$lib.tmp.$$" "$SEED" --mix "$mix" >&2 || { rm -rf "$lib.tmp.$$"; return 1; }
        mv "$lib.tmp.$$" "$lib"
      else
        echo "using cached library $lib" >&2
      fi
      ;;
    real)
      if [ ! -f "$BENCH_REAL/casebook.yml" ] || [ ! -d "$BENCH_REAL/incidents" ]; then
        echo "the real mix needs the converted library of public postmortems at $BENCH_REAL (see bench/corpus/; or set BENCH_REAL)" >&2
        return 1
      fi
      local hash
      hash="$( (cd "$BENCH_REAL" && find . -path ./.git -prune -o -path ./_site -prune -o -type f -printf '%P %s %T@\n' | sort;
                sha256sum "$REPLICATOR") | sha256sum | cut -c1-10)"
      lib="$BENCH_DIR/lib-real-$n-$hash"
      if [ ! -f "$lib/casebook.yml" ]; then
        echo "copying the real library $BENCH_REAL ($n write-ups asked for) into $lib" >&2
        rm -rf "$lib.tmp.$$"
        java "$REPLICATOR" "$BENCH_REAL" "$n" "$lib.tmp.$$" >&2 || { rm -rf "$lib.tmp.$$"; return 1; }
        mv "$lib.tmp.$$" "$lib"
      else
        echo "using cached library $lib" >&2
      fi
      ;;
    *)
      echo "unknown mix '$mix' (mixes: $ALL_MIXES)" >&2
      return 1
      ;;
  esac
  LIB="$lib"
  LIB_WRITEUPS="$(count_writeups "$lib")"
}

median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
