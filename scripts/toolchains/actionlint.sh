#!/usr/bin/env bash
# Ensure actionlint (the GitHub Actions workflow linter) is installed, from
# the Go module proxy with `go install`, pinned, and print its path. Cached in
# ${HEADSHOTPRO_PACKAGE_CACHE:-~/.cache/headshotpro-package}/go-bin; the Go
# module cache is Go's own (~/go/pkg/mod).
#
# Usage:  "$(scripts/toolchains/actionlint.sh)" .github/workflows/*.yml
set -euo pipefail

VERSION="v1.7.12"
BIN_DIR="${HEADSHOTPRO_PACKAGE_CACHE:-$HOME/.cache/headshotpro-package}/go-bin"
BIN="$BIN_DIR/actionlint"

command -v go >/dev/null || { echo "actionlint: go is not installed" >&2; exit 1; }
if [[ ! -x "$BIN" ]] || ! "$BIN" -version 2>/dev/null | head -n1 | grep -qx "$VERSION"; then
    echo "actionlint: go install github.com/rhysd/actionlint/cmd/actionlint@$VERSION" >&2
    mkdir -p "$BIN_DIR"
    GOBIN="$BIN_DIR" go install "github.com/rhysd/actionlint/cmd/actionlint@$VERSION" >&2
fi
printf '%s\n' "$BIN"
