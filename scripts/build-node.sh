#!/usr/bin/env bash
# Builds the Node package headshotpro: pinned dev dependencies (npm ci, cached
# in ~/.cache/headshotpro-npm) and the native module in the dev profile, which
# shares compiled dependencies with the workspace (`npm run build:release` in
# bindings-node/ builds the release module). Idempotent.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../bindings-node"
npm ci --cache "${HOME}/.cache/headshotpro-npm" --prefer-offline --no-audit --no-fund --loglevel=error
npx --no-install napi build --platform --js native.js --dts native.d.ts
