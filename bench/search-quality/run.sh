#!/usr/bin/env bash
# Known-item search quality on a real library: builds LIBRARY's site with target/casebook.jar,
# runs every query of queries.tsv through the site's own search engine under Node, and through a
# plain lunr.js index of the same documents, and prints s@1, s@3, s@10 and MRR per split and kind.
#
#   bash bench/search-quality/run.sh LIBRARY [ID_MAP_TSV]
#
# LIBRARY is the converted real postmortems library (bench/corpus/README.md). ID_MAP_TSV maps the
# ids of queries.tsv to the library's, for a copy whose ids were changed ("old<TAB>new" lines).
# Environment: SQ_SITE (where the site is built, default: a temporary folder), SQ_JAR (the jar,
# default target/casebook.jar), SQ_DETAIL=tuning (also print each tuning query's rank on stderr),
# SQ_SPLIT=tuning (score the tuning part only: for trying a change without seeing held-out figures).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
[ "$#" -ge 1 ] || { echo "usage: bash bench/search-quality/run.sh LIBRARY [ID_MAP_TSV]" >&2; exit 2; }
LIBRARY="$1"
IDMAP="${2:-}"
JAR="${SQ_JAR:-$ROOT/target/casebook.jar}"
command -v node >/dev/null || { echo "run.sh: node is needed" >&2; exit 1; }
[ -f "$JAR" ] || (cd "$ROOT" && mvn -q -B -ntp package -DskipTests)
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
SITE="${SQ_SITE:-$WORK/site}"
rm -rf "$SITE"
java -jar "$JAR" build --source "$LIBRARY" --out "$SITE" >&2
LUNR_JAR="$(find "${HOME}/.m2/repository/org/webjars/npm/lunr/2.3.9" -name 'lunr-2.3.9.jar' | head -1)"
[ -n "$LUNR_JAR" ] || (cd "$ROOT" && mvn -q -B -ntp dependency:get -Dartifact=org.webjars.npm:lunr:2.3.9)
LUNR_JAR="$(find "${HOME}/.m2/repository/org/webjars/npm/lunr/2.3.9" -name 'lunr-2.3.9.jar' | head -1)"
(cd "$WORK" && unzip -q -o "$LUNR_JAR" META-INF/resources/webjars/lunr/2.3.9/lunr.js)
DETAIL=()
[ -z "${SQ_DETAIL:-}" ] || DETAIL=(--detail "$SQ_DETAIL")
[ -z "${SQ_SPLIT:-}" ] || DETAIL+=(--split "$SQ_SPLIT")
node "$ROOT/bench/search-quality/score.js" "$WORK/META-INF/resources/webjars/lunr/2.3.9/lunr.js" "$SITE" \
  "$ROOT/bench/search-quality/queries.tsv" ${IDMAP:+"$IDMAP"} "${DETAIL[@]}"
