#!/usr/bin/env bash
# Build the cdylib, generate the Kotlin bindings and run the Kotlin tests
# (JUnit 5, -Werror) against the real headshotpro-mock.
#
# Usage:  scripts/test-kotlin.sh [MVN_ARG...]
# Needs:  cargo, a JDK (17+) and Maven on PATH; downloads come from Maven
#         Central into ~/.m2 (outside the repo). A missing toolchain or a
#         failing test fails this script: nothing is skipped.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

for tool in cargo java mvn; do
    command -v "$tool" >/dev/null || { echo "test-kotlin: $tool not found on PATH" >&2; exit 1; }
done

LIB_DIR="$(scripts/generate-uniffi.sh --test-hooks)"
cargo build -p headshotpro-mock >&2
MOCK_BIN="${HEADSHOTPRO_MOCK_BIN:-$(dirname "$LIB_DIR")/debug/headshotpro-mock}"
[[ -x "$MOCK_BIN" ]] || { echo "test-kotlin: no mock binary at $MOCK_BIN" >&2; exit 1; }

mvn -B -f bindings-uniffi/kotlin/pom.xml \
    -Dhp.lib.dir="$LIB_DIR" -Dhp.mock.bin="$MOCK_BIN" \
    -Dhp.generated.dir="$REPO/bindings-uniffi/kotlin/generated" \
    "$@" test
