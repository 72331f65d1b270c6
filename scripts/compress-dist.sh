#!/usr/bin/env bash
# Writes .br (brotli -q 11) and .gz (gzip -9) siblings of the release build's
# wasm, JavaScript and CSS (the lazily loaded chunks and their loader in
# split-<hash>/ too), for static hosts that serve a precompressed file
# when the browser accepts its encoding. Both tools come from Debian
# (scripts/install-tools.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

shopt -s nullglob
for f in dist/*.wasm dist/*.js dist/*.css dist/split-*/*.wasm dist/split-*/*.js; do
  brotli --force --keep --quality=11 --output="$f.br" "$f"
  gzip --force --keep -9 "$f"
done
