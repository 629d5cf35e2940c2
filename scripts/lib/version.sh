# The project's one version: [workspace.package] version in Cargo.toml.
# shellcheck shell=bash

# workspace_version [REPO]: prints the version (e.g. 0.1.0).
workspace_version() {
    local repo="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
    awk '
        /^\[/ { in_pkg = ($0 == "[workspace.package]") }
        in_pkg && $1 == "version" { gsub(/[" ]/, "", $3); print $3; exit }
    ' "$repo/Cargo.toml"
}
