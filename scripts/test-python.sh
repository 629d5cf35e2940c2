#!/usr/bin/env bash
# Builds the Python package headshotpro, then runs its pytest suite (which starts
# its mocks in process through headshotpro.testing), mypy --strict, the stub
# check, the example programs against headshotpro-mock, and the example user
# test suite in examples/python/testing (the pytest fixtures the package ships).
#
# Needs: python3 (3.9+), a Rust toolchain, and the mock built
# (`cargo build -p headshotpro-mock`, or HEADSHOTPRO_MOCK_BIN).
# The virtualenv lives outside the repository, in
# ${HEADSHOTPRO_CACHE:-$HOME/.cache/headshotpro}/venv-py, and is reused.
# The wheel is built in the dev profile so it shares compiled dependencies with
# the rest of the workspace; the release wheel (for publishing and benchmarks)
# is `maturin build --release -m bindings-python/Cargo.toml`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${HEADSHOTPRO_CACHE:-$HOME/.cache/headshotpro}"
VENV="$CACHE/venv-py"
PY="$VENV/bin/python"
MOCK_BIN="${HEADSHOTPRO_MOCK_BIN:-$ROOT/target/debug/headshotpro-mock}"
export HEADSHOTPRO_MOCK_BIN="$MOCK_BIN"
export PIP_DISABLE_PIP_VERSION_CHECK=1

step() { printf '\n== %s\n' "$*"; }

if [[ ! -x "$MOCK_BIN" ]]; then
  echo "headshotpro-mock not found at $MOCK_BIN: run 'cargo build -p headshotpro-mock'" >&2
  exit 1
fi

step "build and install the package"
bash "$ROOT/scripts/build-python.sh"

step "mypy --strict (package)"
(cd "$ROOT/examples" && "$PY" -m mypy --strict --no-incremental "$ROOT/bindings-python/python/headshotpro")

step "pytest"
(cd "$ROOT/bindings-python" && "$PY" -m pytest tests -q -p no:cacheprovider)

step "the headshotpro command from the installed wheel (tests/consumers/python/test_cli.py)"
(cd "$ROOT/tests/consumers/python" && "$PY" -m pytest -q -p no:cacheprovider test_cli.py)

step "examples/python/testing (a user's pytest suite on the package's fixtures)"
(cd "$ROOT/examples/python/testing" && "$PY" -m pytest -q -p no:cacheprovider)

step "examples/python/quickstart.py"
source "$ROOT/scripts/lib/mock.sh"
RECEIVER_PID=""
cleanup() {
  [[ -n "$RECEIVER_PID" ]] && kill "$RECEIVER_PID" 2>/dev/null || true
  stop_mock
  rm -f "${RECEIVER_LOG:-}"
  if [[ -n "${PHOTOS_DIR:-}" ]]; then rm -rf "$PHOTOS_DIR"; fi
}
trap cleanup EXIT
start_mock
HEADSHOTPRO_API_KEY="$MOCK_KEY" HEADSHOTPRO_BASE_URL="$MOCK_URL" HEADSHOTPRO_MOCK=1 \
  "$PY" "$ROOT/examples/python/quickstart.py"

step "examples/python/whitelabel_flow.py"
PHOTOS_DIR="$(mktemp -d)"
HEADSHOTPRO_API_KEY="$MOCK_KEY" HEADSHOTPRO_BASE_URL="$MOCK_URL" HEADSHOTPRO_MOCK=1 \
  "$PY" "$ROOT/examples/python/whitelabel_flow.py" "$PHOTOS_DIR"
[[ "$(ls "$PHOTOS_DIR" | wc -l)" -eq 8 ]] || { echo "expected 8 photos in $PHOTOS_DIR" >&2; exit 1; }

step "examples/python/webhook_receiver.py"
SECRET="whsec_example_$$"
RECEIVER_LOG="$(mktemp)"
HEADSHOTPRO_WEBHOOK_SECRET="$SECRET" "$PY" -u "$ROOT/examples/python/webhook_receiver.py" \
  --port 0 --print-port >"$RECEIVER_LOG" 2>/dev/null &
RECEIVER_PID=$!
for _ in $(seq 100); do [[ -s "$RECEIVER_LOG" ]] && break; sleep 0.1; done
RECEIVER_PORT="$(head -n1 "$RECEIVER_LOG")"
"$PY" - "$MOCK_URL" "$MOCK_KEY" "$RECEIVER_PORT" "$SECRET" "$RECEIVER_LOG" <<'PYEOF'
import json, sys, time, urllib.request
import headshotpro
url, key, port, secret, log = sys.argv[1:]
def control(method, path, body):
    req = urllib.request.Request(url + path, data=json.dumps(body).encode(), method=method,
                                 headers={"Content-Type": "application/json"})
    urllib.request.urlopen(req, timeout=10).read()
control("PUT", "/__mock/organization",
        {"webhookUrl": f"http://127.0.0.1:{port}/webhooks", "webhookSecret": secret})
with headshotpro.Client(key, base_url=url) as client:
    model = client.models.create("ada@example.com", is_development=True)
deadline = time.monotonic() + 20
while time.monotonic() < deadline:
    text = open(log).read()
    if f"verified model.created for model {model.model_id}" in text:
        print(text.strip().splitlines()[-1])
        break
    time.sleep(0.1)
else:
    sys.exit("no verified webhook arrived at the receiver")
# A forgery is answered 400.
forged = urllib.request.Request(f"http://127.0.0.1:{port}/webhooks", data=b'{"event":"x"}',
                                method="POST", headers={"X-HeadshotPro-Signature": "sha256=00",
                                                        "X-HeadshotPro-Timestamp": str(int(time.time()))})
try:
    urllib.request.urlopen(forged, timeout=10)
    sys.exit("the receiver accepted a forged webhook")
except urllib.error.HTTPError as err:
    assert err.code == 400, err.code
    print("forged webhook answered 400")
PYEOF

echo
echo "python: all checks passed"
