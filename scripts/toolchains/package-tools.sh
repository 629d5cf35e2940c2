#!/usr/bin/env bash
# Ensure the tools scripts/package builds with exist, and print the directory
# to put first on PATH (logs go to stderr):
#   maturin        the wheel and the sdist
#   cargo-zigbuild links against an old glibc (2.17) with zig as the linker;
#                  used by maturin --zig, napi build -x and cargo zigbuild
#   zig            a shim running `python -m ziglang` (zig from PyPI)
# All of them come from PyPI into one virtualenv under
# ${HEADSHOTPRO_PACKAGE_CACHE:-~/.cache/headshotpro-package}, pinned; a run
# with everything in place only checks the versions (~1 s).
#
# Usage:  PATH="$(scripts/toolchains/package-tools.sh):$PATH"
set -euo pipefail

CACHE="${HEADSHOTPRO_PACKAGE_CACHE:-$HOME/.cache/headshotpro-package}"
VENV="$CACHE/venv"
PINS=("maturin==1.16.0" "ziglang==0.17.1" "cargo-zigbuild==0.24.0")
STAMP="$VENV/.headshotpro-pins"

log() { printf 'package-tools: %s\n' "$*" >&2; }

mkdir -p "$CACHE"
exec 9>"$CACHE/tools.lock"
flock 9

if [[ ! -x "$VENV/bin/python" ]]; then
    log "creating $VENV"
    python3 -m venv "$VENV" >&2
fi
if [[ "$(cat "$STAMP" 2>/dev/null)" != "${PINS[*]}" ]]; then
    log "installing ${PINS[*]}"
    PIP_DISABLE_PIP_VERSION_CHECK=1 "$VENV/bin/pip" install -q --cache-dir "$CACHE/pip" "${PINS[@]}" >&2
    printf '%s' "${PINS[*]}" >"$STAMP"
fi

# cargo-zigbuild and napi look for `zig` on PATH; the PyPI package is a module.
cat >"$VENV/bin/zig.tmp" <<'SHIM'
#!/bin/sh
exec "$(dirname "$0")/python" -m ziglang "$@"
SHIM
chmod +x "$VENV/bin/zig.tmp"
mv -f "$VENV/bin/zig.tmp" "$VENV/bin/zig"

printf '%s\n' "$VENV/bin"
