#!/usr/bin/env bash
# Builds the Python package headshotpro (dev profile, so it shares compiled
# dependencies with the rest of the workspace) and installs it into the
# virtualenv ${HEADSHOTPRO_CACHE:-$HOME/.cache/headshotpro}/venv-py, with the
# pinned test tools. The release wheel (for publishing and benchmarks) is
# `maturin build --release -m bindings-python/Cargo.toml`. Idempotent.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${HEADSHOTPRO_CACHE:-$HOME/.cache/headshotpro}"
VENV="$CACHE/venv-py"
PY="$VENV/bin/python"
WHEELS="$ROOT/target/python-wheels"
export PIP_DISABLE_PIP_VERSION_CHECK=1

mkdir -p "$CACHE"
if [[ ! -x "$PY" ]]; then
  python3 -m venv "$VENV"
fi
"$PY" -m pip install -q --cache-dir "$CACHE/pip" \
  "maturin==1.16.0" "pytest==8.4.2" "mypy==1.18.2"

rm -f "$WHEELS"/headshotpro-*.whl
(cd "$ROOT" && "$VENV/bin/maturin" build --profile dev -m bindings-python/Cargo.toml \
  -i "$PY" -o "$WHEELS")
WHEEL="$(ls "$WHEELS"/headshotpro-*.whl)"
"$PY" -m pip install -q --no-deps --force-reinstall "$WHEEL"
echo "wheel: $(basename "$WHEEL") $(stat -c %s "$WHEEL") bytes (dev profile; the release wheel is smaller)"
