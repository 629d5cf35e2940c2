#!/usr/bin/env bash
# Builds and tests the Node package `headshotpro` (bindings-node/):
#   npm ci (pinned dev deps, cached in ~/.cache/headshotpro-npm), the native
#   module in the dev profile (shares the workspace's compiled deps; use
#   `npm run build:release` for benchmarks/publishing), a drift check of the
#   generated native.js/native.d.ts, tsc --noEmit --strict on the typed
#   example, the node --test suite and the examples of examples/node (the
#   quickstart, the whitelabel flow, the webhook receiver and the user-style
#   node --test suite examples/node/testing/), each against an in-process
#   MockServer (headshotpro/testing).
# Needs Node >= 20. Idempotent; exits non-zero on any failure.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pkg="$repo/bindings-node"
fail() { echo "test-node: $*" >&2; exit 1; }

command -v node >/dev/null || fail "node is not installed (Node >= 20 required)"
command -v npm >/dev/null || fail "npm is not installed"
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' \
  || fail "Node >= 20 required, found $(node --version)"
command -v cargo >/dev/null || fail "cargo is not installed"

cd "$pkg"
echo "== npm ci and napi build, dev profile ($(node --version), npm $(npm --version))"
bash "$repo/scripts/build-node.sh"

if git -C "$repo" rev-parse --is-inside-work-tree >/dev/null 2>&1 \
  && git -C "$repo" ls-files --error-unmatch bindings-node/native.d.ts >/dev/null 2>&1; then
  git -C "$repo" diff --exit-code -- bindings-node/native.js bindings-node/native.d.ts \
    || fail "the generated native.js/native.d.ts differ from the committed ones: commit them"
fi

echo "== tsc --noEmit --strict (test/typed/example.mts)"
npx --no-install tsc --noEmit --strict -p test/typed

echo "== node --test"
node --test test/*.test.mjs

echo "== examples (examples/node, importing the package by name)"
node test/run-examples.mjs

echo "== sizes"
node_file="$(ls -1 "$pkg"/headshotpro.*.node | head -n 1)"
echo "native module: $(basename "$node_file") $(du -h "$node_file" | cut -f1) (dev profile; release builds are smaller)"
npm pack --dry-run --json 2>/dev/null | node -e '
  const [p] = JSON.parse(require("fs").readFileSync(0, "utf8"))
  console.log(`npm pack: ${p.filename} ${(p.size / 1048576).toFixed(1)} MiB packed, ${(p.unpackedSize / 1048576).toFixed(1)} MiB unpacked, ${p.entryCount} files`)'
echo "test-node: OK"
