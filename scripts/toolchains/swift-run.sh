#!/usr/bin/env bash
# Run a command with Swift (Debian trixie's `swiftlang`, Swift 6.0.x) on a
# host SwiftPM package, inside the root made by swift-root.sh: root-run.sh
# with --root swift, whose options it takes (--lib, --bind, --ro-bind, --env,
# --workdir).
#
# Usage:
#   scripts/toolchains/swift-run.sh [options] PKGDIR -- CMD [ARG...]
# Example:
#   scripts/toolchains/swift-run.sh --lib "$PWD/target/debug" \
#       bindings-uniffi/swift -- swift test --disable-swift-testing
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/root-run.sh" --root swift "$@"
