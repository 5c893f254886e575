#!/bin/sh
# Compares builds of the Kinora server side by side, Wasm GC build only, in alternating rounds
# (A B C A B C ...) so that the machine's load hits all alike; prints decode fps per run and
# the median per variant, and each variant's ratio to the first.
#   bench/variants.sh [-r ROUNDS] [-n RUNS] FILE VARIANT1 VARIANT2 ...
# A VARIANT is DIR or NAME=DIR or NAME=DIR=CHROMIUM_ARGS. DIR holds a kinora-server.jar with its
# dist/ and demo/ beside it (a copy of webapp/target after building one variant); CHROMIUM_ARGS
# are extra Chromium switches (space-separated), e.g. 'x=webapp/target=--js-flags=--no-liftoff'.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
rounds=3
runs=3
while [ $# -gt 0 ]; do
    case "$1" in
        -r) rounds=$2; shift 2 ;;
        -n) runs=$2; shift 2 ;;
        *) break ;;
    esac
done
file=$1; shift
tmp=$(mktemp -d)
i=1
while [ $i -le "$rounds" ]; do
    for v in "$@"; do
        case "$v" in
            *=*) name=${v%%=*}; rest=${v#*=} ;;
            *) name=$(basename "$v"); rest=$v ;;
        esac
        case "$rest" in
            *=*) dir=${rest%%=*}; flags=${rest#*=} ;;
            *) dir=$rest; flags= ;;
        esac
        CHROMIUM_ARGS="$flags" KINORA_SERVER="$dir/kinora-server.jar" node "$here/bench.mjs" --only kinora-wasm \
            --runs "$runs" --no-first-frame --json "$tmp/$name.$i.json" "$file" > /dev/null 2>&1 || echo "$v round $i failed" >&2
    done
    i=$((i + 1))
done
node - "$tmp" "$@" <<'JS'
const fs = require('fs'); const path = require('path');
const [tmp, ...dirs] = process.argv.slice(2);
const med = (v) => { const s = [...v].sort((a, b) => a - b); const m = s.length >> 1; return s.length ? (s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) : NaN; };
let base = null;
for (const v of dirs) {
  const name = v.includes('=') ? v.slice(0, v.indexOf('=')) : path.basename(v); const fps = [];
  for (const f of fs.readdirSync(tmp).filter((f) => f.startsWith(name + '.'))) {
    const j = JSON.parse(fs.readFileSync(path.join(tmp, f), 'utf8'));
    const r = (j.results || j)[0].decoders['kinora-wasm'];
    if (r && r.runs) fps.push(...r.runs.map((x) => x.decodeFps));
    if (r && r.error) console.log(name, 'error:', r.error);
  }
  const m = med(fps); if (base == null) base = m;
  console.log(`${name.padEnd(14)} median ${m.toFixed(1)} fps  x${(m / base).toFixed(2)}  runs ${fps.map((x) => x.toFixed(0)).join(' ')}`);
}
JS
rm -rf "$tmp"
