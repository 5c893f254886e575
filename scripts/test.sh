#!/usr/bin/env bash
# Builds everything and runs every test: JVM unit and fixture tests, then the browser tests in
# headless Chromium (both worker builds). Installs Debian's chromium and chromium-driver when
# missing, tsc (Debian's node-typescript) for the typings test, and the live test server
# (node-media-server, from npm, pinned by browser-tests/live-server/package-lock.json). Extra
# arguments go to Maven (e.g. -pl codec-theora -am).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "Installing chromium and chromium-driver (Debian packages) for the browser tests..."
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if [ ! -x /usr/bin/tsc ]; then
  echo "Installing tsc (Debian's node-typescript) for the typings test..."
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq node-typescript >/dev/null
fi

if [ ! -f browser-tests/live-server/node_modules/node-media-server/bin/app.js ]; then
  echo "Installing the live test server (npm ci in browser-tests/live-server)..."
  npm ci --prefix browser-tests/live-server --no-audit --no-fund --loglevel=error
fi

exec mvn -B -ntp install "$@"
