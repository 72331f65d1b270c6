#!/usr/bin/env bash
# Writes docs/size.md from the last release build (`make dist`): what the page
# costs to transfer (raw, gzip -9, brotli -q 11) and where the wasm's bytes go.
# The page loads the main wasm module at start and a lazily loaded tab's
# chunks (split-<hash>/, scripts/split-wasm.sh) when it is first shown: the
# budget is the main module's, the chunks are listed beside it. twiggy reads
# the main module's wasm-bindgen output, not the shipped file: wasm-opt drops
# the name section, and without names twiggy can only print function indices.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${CARGO_TARGET_DIR:-target}
named=$(ls "$target"/wasm-split/release/bindgen/*_bg.wasm)
shipped=$(ls dist/*_bg.wasm)
chunks=(dist/split-*/*.wasm)
out=docs/size.md
# The choices measured by hand (wasm-opt levels, Leptos features) are kept
# from the previous docs/size.md: everything from this line on.
marker='## Choices, measured by hand'
kept=$( [ -f "$out" ] && sed -n "/^$marker\$/,\$p" "$out" || true)

row() { # file
  printf '| `%s` | %s | %s | %s |\n' "$(basename "$1" | sed -E 's/-[0-9a-f]{15,16}//')" \
    "$(stat -c%s "$1")" "$(gzip -9c "$1" | wc -c)" "$(brotli -c -q 11 "$1" | wc -c)"
}

{
  echo '# Page size'
  echo
  echo 'Written by `make size` (scripts/size-report.sh) from the release build in `dist/`; do not edit by hand.'
  echo 'Budget (issue 16): the wasm the page loads at start, the main module, at most 420 KB gzip.'
  echo "The main module: $(gzip -9c "$shipped" | wc -c) bytes gzip, $(brotli -c -q 11 "$shipped" | wc -c) brotli."
  echo
  echo '## Transfer, bytes'
  echo
  echo '| file | raw | gzip -9 | brotli -q 11 |'
  echo '|---|---:|---:|---:|'
  for f in "$shipped" dist/*.js dist/*.css; do row "$f"; done
  echo
  echo "## Lazily loaded chunks, bytes"
  echo
  echo "Not fetched at start: \`split_<name>_<hash>\` is one \`#[lazy]\` tab's own code, fetched when the tab is first shown (src/tabs/lazy.rs); \`split_protocols\` the Organizations, IAM and STS dispatchers and the scenarios' builders, fetched when the page is idle, and \`split_restore\` reading a saved state, fetched by a returning visit (src/client/chunks.rs); \`chunk_<n>\` code that several of them share."
  echo
  echo '| file | raw | gzip -9 | brotli -q 11 |'
  echo '|---|---:|---:|---:|'
  for f in "${chunks[@]}" dist/split-*/*.js; do row "$f"; done
  printf '| all %s chunks | %s | %s | %s |\n' "${#chunks[@]}" \
    "$(cat "${chunks[@]}" | wc -c)" \
    "$(for f in "${chunks[@]}"; do gzip -9c "$f" | wc -c; done | awk '{s+=$1} END {print s}')" \
    "$(for f in "${chunks[@]}"; do brotli -c -q 11 "$f" | wc -c; done | awk '{s+=$1} END {print s}')"
  echo
  echo '## Where the main module goes'
  echo
  echo "twiggy $(twiggy --version | awk '{print $2}') on the main module's wasm-bindgen output before wasm-opt ($(stat -c%s "$named") bytes), so sizes are larger than shipped but in proportion."
  echo
  echo '### Largest items (`twiggy top -n 30`)'
  echo
  echo '```'
  twiggy top -n 30 "$named"
  echo '```'
  echo
  echo '### Retained sizes (`twiggy dominators -d 3 -r 40`)'
  echo
  echo '```'
  twiggy dominators -d 3 -r 40 "$named"
  echo '```'
  echo
  echo '### Generic instantiations (`twiggy monos -m 20 -n 5`)'
  echo
  echo '```'
  twiggy monos -m 20 -n 5 "$named"
  echo '```'
  if [ -n "$kept" ]; then echo; echo "$kept"; fi
} > "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out"
