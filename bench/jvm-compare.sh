#!/bin/sh
# Decode speed of several builds side by side in one JVM, rounds interleaved:
#   bench/jvm-compare.sh [-r ROUNDS] FILE JAR1 JAR2 ...
# Each JAR is a kinora-cli.jar (cli/target/kinora-cli.jar of some build; copy it away before
# rebuilding). See bench/README.md.
set -eu
rounds=10
if [ "${1:-}" = "-r" ]; then rounds=$2; shift 2; fi
[ $# -ge 2 ] || { echo "usage: $0 [-r ROUNDS] FILE JAR..." >&2; exit 2; }
here="$(cd "$(dirname "$0")" && pwd)"
file=$1; shift
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/helper" "$tmp/main"
javac -nowarn -d "$tmp/helper" -cp "$1" "$here/jvm/DecodeOnce.java"
javac -nowarn -d "$tmp/main" "$here/jvm/Compare.java"
exec java -cp "$tmp/main" Compare "$tmp/helper" "$file" "$rounds" "$@"
