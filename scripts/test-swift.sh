#!/usr/bin/env bash
# Build the cdylib, generate the Swift bindings and run the Swift package's
# XCTest suite against the real headshotpro-mock, inside the Debian trixie
# root that carries the Swift toolchain (scripts/toolchains/swift-run.sh;
# the root is made on first use, ~45 s).
#
# The mock is built and started on the host (the root shares the host's
# network namespace); its URL and key reach the tests as
# HEADSHOTPRO_MOCK_URL / HEADSHOTPRO_MOCK_KEY. It is stopped on exit,
# whatever happens.
#
# Usage:  scripts/test-swift.sh [SWIFT_TEST_ARG...]   (e.g. --filter ErrorsTests)
# Needs root (chroot and mounts). A toolchain that cannot be set up or a
# failing test fails this script: nothing is skipped.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

LIB_DIR="$(scripts/generate-uniffi.sh)"
cargo build -p headshotpro-mock >&2
MOCK_BIN="${HEADSHOTPRO_MOCK_BIN:-$LIB_DIR/headshotpro-mock}"
[[ -x "$MOCK_BIN" ]] || { echo "test-swift: no mock binary at $MOCK_BIN" >&2; exit 1; }

# SwiftPM finds the library through pkg-config: a .pc next to the cdylib,
# which the root sees at /hp/lib (the loader finds it via LD_LIBRARY_PATH).
source scripts/lib/version.sh
source scripts/lib/pkgconfig.sh
write_uniffi_pc "$LIB_DIR/pkgconfig" "$(workspace_version)"

# Make sure the toolchain exists before starting anything.
scripts/toolchains/swift-root.sh >/dev/null

source scripts/lib/mock.sh
HEADSHOTPRO_MOCK_BIN="$MOCK_BIN" start_mock
trap stop_mock EXIT
echo "test-swift: mock at $MOCK_URL" >&2

# The trixie root has no CA certificates: the SDK then falls back to its
# bundled roots, as it would in a minimal container.
scripts/toolchains/swift-run.sh --lib "$LIB_DIR" \
    --env "HEADSHOTPRO_MOCK_URL=$MOCK_URL" --env "HEADSHOTPRO_MOCK_KEY=$MOCK_KEY" \
    --env "PKG_CONFIG_PATH=/hp/lib/pkgconfig" --env "LD_LIBRARY_PATH=/hp/lib" \
    bindings-uniffi/swift -- swift test --disable-swift-testing "$@"
