#!/usr/bin/env bash
# The Swift runner of the cross-language matrix (tests/README.md):
#   bindings-uniffi/swift/run-matrix.sh --cases DIR --vectors DIR --mock-bin FILE --out FILE
# Expects the cdylib and generated sources (scripts/generate-uniffi.sh).
# Runs `swift run HeadshotProMatrix` inside the Swift root; the runner starts
# its own mock (the host binary, mounted read-only) and stops it at the end.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
CASES="" VECTORS="" MOCK_BIN="" OUT=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --cases) CASES="$2"; shift 2 ;;
        --vectors) VECTORS="$2"; shift 2 ;;
        --mock-bin) MOCK_BIN="$2"; shift 2 ;;
        --out) OUT="$2"; shift 2 ;;
        *) echo "run-matrix: unknown argument $1" >&2; exit 2 ;;
    esac
done
[[ -n "$CASES" && -n "$VECTORS" && -n "$MOCK_BIN" && -n "$OUT" ]] || { echo "run-matrix: --cases, --vectors, --mock-bin and --out are required" >&2; exit 2; }
OUT="$(realpath -m "$OUT")"
mkdir -p "$(dirname "$OUT")"
exec "$REPO/scripts/toolchains/swift-run.sh" --lib "${HP_LIB_DIR:-$REPO/target/debug}" \
    --ro-bind "$(realpath "$CASES"):/hp/cases" --ro-bind "$(realpath "$VECTORS"):/hp/vectors" \
    --ro-bind "$(realpath "$MOCK_BIN"):/hp/mock/headshotpro-mock" --bind "$(dirname "$OUT"):/hp/out" \
    "$HERE" -- swift run HeadshotProMatrix --cases /hp/cases --vectors /hp/vectors \
    --mock-bin /hp/mock/headshotpro-mock --out "/hp/out/$(basename "$OUT")"
