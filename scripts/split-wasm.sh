#!/usr/bin/env bash
# Run by scripts/post-build.sh (Trunk's post_build hook, Trunk.toml): splits the page's wasm into the main
# module and the chunks of the tabs marked `#[lazy]` (src/tabs/lazy.rs), as
# cargo-leptos's `--split` does, then optimizes each with wasm-opt -Oz.
#
# The splitter reads the linker's relocations (`-Clink-args=--emit-relocs`,
# .cargo/config.toml), so it runs on cargo's wasm, before wasm-bindgen:
# Trunk's own wasm-bindgen output (of the unsplit wasm, not optimized:
# data-wasm-opt="0" in index.html) is replaced by wasm-bindgen's output of
# the split main module, under the same names, which index.html loads.
# The chunks and their loader (__wasm_split.js) go to split-<hash>/, the
# hash being the one Trunk gave the page's JavaScript, so a new build's
# chunks never meet an old build's main module in a cache.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export PATH="$ROOT/.tools/node_modules/.bin:$ROOT/.tools/wasm-split/bin:$HOME/.cargo/bin:$PATH"

staging=${TRUNK_STAGING_DIR:?run as Trunk\'s post_build hook}
profile=${TRUNK_PROFILE:-debug}
target=${CARGO_TARGET_DIR:-$ROOT/target}
linked="$target/wasm32-unknown-unknown/$profile/account-sandbox.wasm"

shopt -s nullglob
glue=("$staging"/account-sandbox-*.js)
[ ${#glue[@]} -eq 1 ] || { echo "split-wasm: expected one account-sandbox-<hash>.js in $staging, found ${#glue[@]}" >&2; exit 1; }
stem=$(basename "${glue[0]}" .js)
hash=${stem#account-sandbox-}
chunks="split-$hash"

work="$target/wasm-split/$profile"
rm -rf "$work"
mkdir -p "$work/split" "$work/bindgen"

wasm-split-cli "$linked" "$work/split" --target web --out-name "$stem"
# --keep-lld-exports: the chunks call the main module through exports the
# splitter added, which wasm-bindgen would otherwise drop.
wasm-bindgen --target web --no-typescript --keep-lld-exports --no-demangle \
  --out-dir "$work/bindgen" --out-name "$stem" "$work/split/$stem.wasm"

# The main module imports its chunks' loader by a path next to it; the loader
# imports the main module's JavaScript by its name. Both move one level.
loader='"./__wasm_split.js"'
grep -q "from $loader" "$work/bindgen/$stem.js" ||
  { echo "split-wasm: $stem.js does not import $loader" >&2; exit 1; }
sed -i "s|from $loader|from \"./$chunks/__wasm_split.js\"|g" "$work/bindgen/$stem.js"
main="\"./$stem.js\""
grep -q "from $main" "$work/split/__wasm_split.js" ||
  { echo "split-wasm: __wasm_split.js does not import $main" >&2; exit 1; }
sed -i "s|from $main|from \"../$stem.js\"|" "$work/split/__wasm_split.js"

rm -rf "${staging:?}/$chunks"
mkdir -p "$staging/$chunks"
cp "$work/bindgen/$stem.js" "$staging/$stem.js"
if [ "$profile" = release ]; then
  opt() { wasm-opt -Oz "$1" -o "$2"; }
else
  opt() { cp "$1" "$2"; }
fi
# The main module takes most of the time: the chunks are optimized beside it.
opt "$work/bindgen/${stem}_bg.wasm" "$staging/${stem}_bg.wasm" &
main_opt=$!
cp "$work/split/__wasm_split.js" "$staging/$chunks/"
for chunk in "$work/split"/*.wasm; do
  [ "$(basename "$chunk")" = "$stem.wasm" ] && continue
  opt "$chunk" "$staging/$chunks/$(basename "$chunk")"
done
wait "$main_opt"
echo "split-wasm: main module $stem, $(ls "$staging/$chunks"/*.wasm | wc -l) chunks in $chunks/"
