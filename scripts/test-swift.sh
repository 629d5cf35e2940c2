#!/usr/bin/env bash
# Build the cdylib, generate the Swift bindings and run the Swift package's
# XCTest suite inside the Debian trixie root that carries the Swift toolchain
# (scripts/toolchains/swift-run.sh; the root is made on first use, ~45 s).
# The tests start their mocks in-process through the package's own
# MockServer, so nothing else is started here.
#
# Usage:  scripts/test-swift.sh [SWIFT_TEST_ARG...]   (e.g. --filter ErrorsTests)
# Needs root (chroot and mounts). A toolchain that cannot be set up or a
# failing test fails this script: nothing is skipped.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

LIB_DIR="$(scripts/generate-uniffi.sh --test-hooks)"

# SwiftPM finds the library through pkg-config: a .pc next to the cdylib,
# which the root sees at /hp/lib (the loader finds it via LD_LIBRARY_PATH).
source scripts/lib/version.sh
source scripts/lib/pkgconfig.sh
write_uniffi_pc "$LIB_DIR/pkgconfig" "$(workspace_version)"

# The trixie root has no CA certificates: the SDK then falls back to its
# bundled roots, as it would in a minimal container.
scripts/toolchains/swift-run.sh --lib "$LIB_DIR" \
    --env "PKG_CONFIG_PATH=/hp/lib/pkgconfig" --env "LD_LIBRARY_PATH=/hp/lib" \
    bindings-uniffi/swift -- swift test --disable-swift-testing "$@"
