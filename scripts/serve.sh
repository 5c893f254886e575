#!/usr/bin/env bash
# Builds everything (tests skipped) and serves the demo on http://127.0.0.1:8080
# (arguments go to the server: --port N, --host H).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q install -DskipTests
exec java -jar webapp/target/kinora-server.jar "$@"
