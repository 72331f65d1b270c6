#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml). Trunk runs a stage's hooks side by
# side, and two of these steps write the staged index.html, so one hook runs
# them: the prerender (src/bin/prerender.rs: the frame into index.html) and
# the split (scripts/split-wasm.sh) together, then, once both are done, the
# chunks' loader is announced in the page's head.
set -euo pipefail
cd "$(dirname "$0")/.."
staging=${TRUNK_STAGING_DIR:?run as Trunk\'s post_build hook}

cargo run --quiet --bin prerender &
prerender=$!
bash scripts/split-wasm.sh
wait "$prerender"

# The main module's JavaScript imports the loader (split-<hash>/__wasm_split.js),
# which the browser would only ask for once it had parsed that script: a
# round trip more before the wasm can start. A modulepreload beside the one
# Trunk writes for the script fetches both at once.
shopt -s nullglob
glue=("$staging"/account-sandbox-*.js)
stem=$(basename "${glue[0]}" .js)
loader="./split-${stem#account-sandbox-}/__wasm_split.js"
[ -f "$staging/${loader#./}" ] || { echo "post-build: no $loader in $staging" >&2; exit 1; }
script="<link rel=\"modulepreload\" href=\"./$stem.js\" crossorigin=\"anonymous\">"
grep -qF "$script" "$staging/index.html" ||
  { echo "post-build: index.html has no modulepreload of $stem.js" >&2; exit 1; }
sed -i "s|$script|&<link rel=\"modulepreload\" href=\"$loader\" crossorigin=\"anonymous\">|" "$staging/index.html"
