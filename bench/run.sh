#!/bin/sh
# Theora decode benchmark: Kinora (Wasm GC build and JS build) against ogv.js, in one headless
# Chromium, on the same files, same protocol (decode only, no rendering; a warm-up run, then the
# median of N runs). Prints one table; see README.md for what each figure includes.
#
#   bench/run.sh [--runs N] [--rounds R] [--no-first-frame] [--jvm] [--json OUT] [--only kinora-wasm,kinora-js,ogv] [FILE...]
#
# Without FILE it benchmarks bench/media/*.ogv, made first by make-media.sh if missing.
# Needs: node and npm (ogv and puppeteer-core are installed into bench/node_modules on first
# use, never committed), java, Chromium at /usr/bin/chromium (or $CHROMIUM), and the server
# jar webapp/target/kinora-server.jar (built here with Maven if missing; $MVN_ARGS is passed
# on, e.g. MVN_ARGS=-o for an offline build).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")

if [ ! -f "$here/node_modules/ogv/dist/ogv-decoder-video-theora-wasm.js" ] || [ ! -d "$here/node_modules/puppeteer-core" ]; then
    echo "installing ogv and puppeteer-core into $here/node_modules" >&2
    (cd "$here" && npm install --no-audit --no-fund --no-package-lock --loglevel=error) >&2
fi

if [ -z "${KINORA_SERVER:-}" ] && [ ! -f "$repo/webapp/target/kinora-server.jar" ]; then
    echo "building the Kinora bundle and server" >&2
    (cd "$repo" && mvn -q ${MVN_ARGS:-} install -DskipTests -pl webapp -am)
fi

files=0
jvm=no
expect_value=no
for a in "$@"; do
    if [ $expect_value = yes ]; then
        expect_value=no
        continue
    fi
    case "$a" in
        --runs|--rounds|--json|--only) expect_value=yes ;;
        --jvm) jvm=yes ;;
        -*) ;;
        *) files=$((files + 1)) ;;
    esac
done
if [ $jvm = yes ] && [ ! -f "$repo/cli/target/kinora-cli.jar" ]; then
    echo "building kinora-cli for --jvm" >&2
    (cd "$repo" && mvn -q ${MVN_ARGS:-} install -DskipTests -pl cli -am)
fi
if [ $files -eq 0 ]; then
    "$here/make-media.sh" >&2
    set -- "$@" "$here/media/theora-720p.ogv" "$here/media/theora-1080p.ogv"
fi
exec node "$here/bench.mjs" "$@"
