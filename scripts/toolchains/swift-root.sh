#!/usr/bin/env bash
# Ensure the Debian trixie root with Debian's Swift toolchain (package
# `swiftlang`) exists, and print its path on stdout. The project's machines
# are Debian bookworm without Swift and no prebuilt toolchain can be
# downloaded; trixie packages Swift and its root runs fine on a bookworm
# kernel. Libraries built on the host load under trixie's newer glibc.
#
# The `swift` profile of debian-root.sh (idempotent; ~45 s and 2.5 GB the
# first time). Env: HP_SWIFT_ROOT (default /var/cache/headshotpro/swift-trixie).
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/debian-root.sh" swift
