#!/usr/bin/env bash
# Times the rounds of a sharded check against one `veracity check` on a
# generated corpus, and checks that the reports are byte-identical.
#
#   examples/spark/time_rounds.sh DOCS SHARDS WORKDIR
#
# DOCS documents of `cargo xtask gen-corpus` are dealt round-robin into
# SHARDS folders under WORKDIR/corpus; each round runs its shards one after
# another (on a cluster they run side by side), so the figures are the work
# and the overhead, not a speed-up. VERACITY names the binary (default
# target/debug/veracity). Figures: docs/scale-out.md.
set -euo pipefail
docs=${1:?DOCS}
shards=${2:?SHARDS}
work=${3:?WORKDIR}
root=$(cd "$(dirname "$0")/../.." && pwd)
v=${VERACITY:-$root/target/debug/veracity}
claim="The new desalination plant already supplies forty percent of the city's drinking water."

rm -rf "$work"
mkdir -p "$work/out"
(cd "$root" && cargo xtask gen-corpus --docs "$docs" --out "$work/flat" >/dev/null)
python3 - "$work/flat" "$work/corpus" "$shards" <<'EOF'
import os, sys
flat, corpus, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
for i, name in enumerate(sorted(os.listdir(flat))):
    shard = os.path.join(corpus, "shard-%03d" % (i % n))
    os.makedirs(shard, exist_ok=True)
    os.rename(os.path.join(flat, name), os.path.join(shard, name))
EOF
rmdir "$work/flat"
out=$work/out
list() { for s in "$work"/corpus/shard-*; do echo "$s"; done; }

# Seconds taken by a command (its output discarded).
timed() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    python3 -c "print('%.2f' % ($end - $start))"
}
each() { # each ROUND ARGS...: the round over every shard, one after another
    local round=$1; shift
    for s in $(list); do
        "$v" "$round" "$s" "$@" -o "$out/$round-$(basename "$s").json" || return 1
    done
}
echo "documents $docs, shards $shards"
echo "check, claims found:          $(timed "$v" check "$work/corpus" --format json -o "$out/single-found.json") s"
echo "check, one claim given:       $(timed "$v" check "$work/corpus" --claim "$claim" --format json -o "$out/single-given.json") s"
echo "stats (all shards):           $(timed each stats) s"
echo "stats --merge:                $(timed "$v" stats --merge "$out"/stats-shard-*.json -o "$out/stats.json") s"
echo "claims (all shards):          $(timed each claims) s"
echo "claims --merge:               $(timed "$v" claims --merge "$out"/claims-shard-*.json -o "$out/claims.json") s"
echo "candidates, found (all):      $(timed each candidates --global-stats "$out/stats.json" --claims "$out/claims.json") s"
echo "merge, found:                 $(timed "$v" merge "$out"/candidates-shard-*.json --format json -o "$out/sharded-found.json") s"
cmp -s "$out/single-found.json" "$out/sharded-found.json" && echo "claims found: reports identical" || { echo "claims found: REPORTS DIFFER"; exit 1; }
rm "$out"/candidates-shard-*.json
echo "candidates, given (all):      $(timed each candidates --global-stats "$out/stats.json" --claim "$claim") s"
echo "merge, given:                 $(timed "$v" merge "$out"/candidates-shard-*.json --format json -o "$out/sharded-given.json") s"
cmp -s "$out/single-given.json" "$out/sharded-given.json" && echo "one claim given: reports identical" || { echo "one claim given: REPORTS DIFFER"; exit 1; }
python3 - "$work" <<'EOF'
import glob, os, sys
work = sys.argv[1]
size = lambda pattern: sum(os.path.getsize(p) for p in glob.glob(os.path.join(work, pattern))) / 1e6
print("corpus %.1f MB; stats files %.1f MB (merged %.1f); candidate claims %.1f MB; candidates (given claim) %.1f MB; report %.1f MB" % (
    size("corpus/*/*"), size("out/stats-shard-*.json"), size("out/stats.json"),
    size("out/claims-shard-*.json"), size("out/candidates-shard-*.json"), size("out/single-found.json")))
EOF
