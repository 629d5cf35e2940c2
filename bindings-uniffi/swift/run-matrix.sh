#!/usr/bin/env bash
# The Swift runner of the cross-language matrix (tests/README.md):
#   bindings-uniffi/swift/run-matrix.sh --cases DIR --vectors DIR --mock-bin FILE --out FILE
# Expects the cdylib and generated sources (scripts/generate-uniffi.sh).
# Runs `swift run HeadshotProMatrix` inside the Swift root; the runner starts
# its own mock (the host binary, mounted read-only) and stops it at the end.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
source "$REPO/scripts/lib/runner-args.sh"
parse_runner_args "$@"
OUT="$(realpath -m "$OUT")"
LIB_DIR="${HP_LIB_DIR:-$REPO/target/debug}"
source "$REPO/scripts/lib/version.sh"
source "$REPO/scripts/lib/pkgconfig.sh"
write_uniffi_pc "$LIB_DIR/pkgconfig" "$(workspace_version "$REPO")"
mkdir -p "$(dirname "$OUT")"
exec "$REPO/scripts/toolchains/swift-run.sh" --lib "$LIB_DIR" \
    --env "PKG_CONFIG_PATH=/hp/lib/pkgconfig" --env "LD_LIBRARY_PATH=/hp/lib" \
    --ro-bind "$(realpath "$CASES"):/hp/cases" --ro-bind "$(realpath "$VECTORS"):/hp/vectors" \
    --ro-bind "$(realpath "$MOCK_BIN"):/hp/mock/headshotpro-mock" --bind "$(dirname "$OUT"):/hp/out" \
    "$HERE" -- swift run HeadshotProMatrix --cases /hp/cases --vectors /hp/vectors \
    --mock-bin /hp/mock/headshotpro-mock --out "/hp/out/$(basename "$OUT")"
