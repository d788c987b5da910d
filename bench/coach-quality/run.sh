#!/usr/bin/env bash
# Precision and recall of the writing coach's phrase rules (hindsight, blame, root-cause) on
# labelled sentences of real public postmortems, for the tuning part and the held-out part.
#
#   bash bench/coach-quality/run.sh [LIBRARY]
#
# LIBRARY is the converted real postmortems library (bench/corpus/README.md). Without it, the
# script converts one into $CQ_DIR/library from clones of the collections at the pinned commits,
# made in $CQ_DIR/src (or from bare git copies already there, named owner+name).
# Environment: CQ_DIR (default /tmp/coach-quality), CQ_JAR (default target/casebook.jar),
# CQ_DETAIL=1 (also print every wrong answer of the tuning part on stderr; never of the held-out),
# CQ_PART=tuning or CQ_PART=held-out (print that part's figures only; both by default).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAR="${CQ_JAR:-$ROOT/target/casebook.jar}"
DIR="${CQ_DIR:-/tmp/coach-quality}"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -q -B -ntp package -DskipTests)
LIBRARY="${1:-}"
if [ -z "$LIBRARY" ]; then
  LIBRARY="$DIR/library"
  if [ ! -f "$LIBRARY/manifest.tsv" ]; then
    mkdir -p "$DIR/src"
    # The collections and the commits bench/corpus/README.md converts.
    while read -r repo commit; do
      dest="$DIR/src/${repo/\//+}"
      if [ ! -e "$dest" ]; then
        git clone -q --bare "https://github.com/$repo" "$dest"
      fi
      git --git-dir="$dest" cat-file -e "$commit^{commit}" 2>/dev/null || git --git-dir="$dest" fetch -q origin "$commit"
      git --git-dir="$dest" update-ref --no-deref HEAD "$commit"
    done <<'LIST'
dfds/postmortems 2c902284250cfa7b5c3823665cb9dbb9e8d68e21
icco/postmortems f901e76eb5f41ccd62bbb0eb1bbad705acfa8f4c
danluu/post-mortems 696669c9db7835d3d8881b4a3f498eddbcdbed75
ministryofjustice/cloud-platform 7f879f3af6cd39f8711ec99ee3b4d2163ff54024
jupyterhub/mybinder.org-deploy 95860dbcba2031b930020dbd856e76cd37ba34c8
2i2c-org/incident-reports ce0a24d67eb0d33e747393ba5bbc7f150ba54719
PostHog/post-mortems 4712e41007b66f9df5230d3fc1fa8588c253d623
portswigger-cloud/postmortems cb5690e206cf58dfd616a7daa308376302bcd270
learningequality/postmortems 751a48c01f147a293ea645c50215edc3a8e54a16
COG-UK/dipi-group 29010d12b079b434706b7cf91dcd244d73d2729f
Chia-Network/post-mortem 6afa328c08aa736933378c055c2ef04d55c9d09d
kubernetes/test-infra 9cd5798cbb4f26d5665c6a8d0ebe9e23f95a99a6
LIST
    rm -rf "$LIBRARY"
    java "$ROOT/bench/corpus/ConvertPostmortems.java" "$LIBRARY" "$DIR"/src/* >&2
  fi
fi
java -cp "$JAR" "$ROOT/bench/coach-quality/CoachQuality.java" score "$LIBRARY" "$ROOT/bench/coach-quality/labels.tsv"
