#!/usr/bin/env bash
# Generate the Swift and Kotlin sources of the uniffi bindings from the Rust
# library. The one command that produces them; they are never edited by hand
# and never committed (git-ignored), so they cannot drift from the library.
#
# Builds (dev profile, shared target/) the cdylib `headshotpro_uniffi` and the
# pinned generators of bindings-uniffi/uniffi-bindgen, then writes:
#   bindings-uniffi/kotlin/generated/com/headshotpro/{headshotpro_uniffi.kt,types/headshotpro.kt}
#   bindings-uniffi/swift/Sources/HeadshotPro/Generated/{HeadshotPro,HeadshotProTypes}.swift
#   bindings-uniffi/swift/Sources/HeadshotProFFI/{module.modulemap,*.h}
# Configuration: the top-level uniffi.toml.
#
# The bindings match the library they were generated from, function for
# function (uniffi checks every function's checksum when the library loads).
# By default that is the API users get, the one release builds have; with
# --test-hooks the library also exports the hooks of the SDK's own tests
# (feature `test-hooks`: debugPanicInRuntime), for scripts/test-kotlin.sh and
# scripts/test-swift.sh.
#
# Usage:  scripts/generate-uniffi.sh [--test-hooks]
# Prints the directory holding the cdylib on stdout (logs go to stderr).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO/target}"
LIB_DIR="$TARGET_DIR/debug"
LIB="$LIB_DIR/libheadshotpro_uniffi.so"

FEATURES=()
case "${1:-}" in
    "") ;;
    --test-hooks) FEATURES=(--features headshotpro-uniffi/test-hooks) ;;
    *) echo "generate-uniffi: unknown argument $1 (only --test-hooks)" >&2; exit 2 ;;
esac

echo "generate-uniffi: building the cdylib and the pinned generators" >&2
cargo build -p headshotpro-uniffi -p uniffi-bindgen "${FEATURES[@]}" >&2

KOTLIN_OUT="$REPO/bindings-uniffi/kotlin/generated"
SWIFT_SOURCES="$REPO/bindings-uniffi/swift/Sources/HeadshotPro/Generated"
SWIFT_FFI="$REPO/bindings-uniffi/swift/Sources/HeadshotProFFI"

rm -rf "$KOTLIN_OUT" "$SWIFT_SOURCES"
rm -f "$SWIFT_FFI"/*.h "$SWIFT_FFI"/module.modulemap
mkdir -p "$KOTLIN_OUT" "$SWIFT_SOURCES" "$SWIFT_FFI"

echo "generate-uniffi: Kotlin -> ${KOTLIN_OUT#"$REPO"/}" >&2
"$LIB_DIR/uniffi-bindgen" generate --library "$LIB" --language kotlin \
    --no-format --config uniffi.toml --out-dir "$KOTLIN_OUT" >&2

echo "generate-uniffi: Swift -> ${SWIFT_SOURCES#"$REPO"/}, ${SWIFT_FFI#"$REPO"/}" >&2
"$LIB_DIR/uniffi-bindgen-swift" --swift-sources --config uniffi.toml "$LIB" "$SWIFT_SOURCES" >&2
"$LIB_DIR/uniffi-bindgen-swift" --headers --modulemap --module-name HeadshotProFFI \
    --modulemap-filename module.modulemap --config uniffi.toml "$LIB" "$SWIFT_FFI" >&2

printf '%s\n' "$LIB_DIR"
